// Errors as values. Every failure a user can cause carries where it happened: a text position
// (file:line:column) for authored files, or a pack chunk for binary content.
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace liyuan {

// Where an error happened. Empty fields are left out when printed.
struct Location {
  std::string file;    // path as the user gave it
  uint32_t line = 0;   // 1-based; 0 = unknown
  uint32_t column = 0; // 1-based; 0 = unknown
  std::string chunk;   // pack chunk, e.g. "TEXR#2 (chunk 5)"
};

// One failure: what went wrong and where.
struct Error {
  std::string message;
  Location where;

  // Renders "file:line:column: message", "file: chunk TEXR#2: message" or just "message".
  std::string to_string() const;
};

// Builds an Error without a location.
inline Error make_error(std::string message) { return Error{std::move(message), {}}; }
// Builds an Error at a text position in FILE.
inline Error make_error_at(std::string file, uint32_t line, uint32_t column, std::string message) {
  return Error{std::move(message), Location{std::move(file), line, column, {}}};
}
// Builds an Error that names a pack chunk of FILE.
inline Error make_chunk_error(std::string file, std::string chunk, std::string message) {
  return Error{std::move(message), Location{std::move(file), 0, 0, std::move(chunk)}};
}

// A value or an Error. Test with `if (!r)`, then read r.error() or *r.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Success or an Error, for operations without a value.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { assert(!ok()); return *error_; }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace liyuan
