// What lint and the loaders report: errors, warnings and notes, each with a file:line:column.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"

namespace liyuan::scene {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  Error error;  // message and location

  // Renders "file:line:column: error: message" (the compilers' shape, which editors already understand).
  std::string to_string() const;
};

// An ordered collection of diagnostics. Parsers append to it and keep going, so one run reports every problem.
class Diagnostics {
 public:
  // Appends an error / warning / note at WHERE.
  void error(const Location& where, std::string message);
  void warning(const Location& where, std::string message);
  void note(const Location& where, std::string message);
  // Appends an error built elsewhere.
  void add(Error error, Severity severity = Severity::Error);

  bool has_errors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  size_t warning_count() const { return warning_count_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  // The first error (for callers that want a Result); must only be called when has_errors().
  const Error& first_error() const;

 private:
  std::vector<Diagnostic> items_;
  size_t error_count_ = 0;
  size_t warning_count_ = 0;
};

// The word for SEVERITY as printed: "error", "warning", "note".
const char* severity_name(Severity severity);

}  // namespace liyuan::scene
