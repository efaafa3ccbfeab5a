#include "scene/diagnostics.h"

#include <utility>

namespace liyuan::scene {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::string Diagnostic::to_string() const {
  // Error::to_string gives "file:line:column: message"; the severity goes between the location and the message.
  Error located{std::string(severity_name(severity)) + ": " + error.message, error.where};
  return located.to_string();
}

void Diagnostics::add(Error error, Severity severity) {
  if (severity == Severity::Error) ++error_count_;
  if (severity == Severity::Warning) ++warning_count_;
  items_.push_back(Diagnostic{severity, std::move(error)});
}

void Diagnostics::error(const Location& where, std::string message) {
  add(Error{std::move(message), where}, Severity::Error);
}
void Diagnostics::warning(const Location& where, std::string message) {
  add(Error{std::move(message), where}, Severity::Warning);
}
void Diagnostics::note(const Location& where, std::string message) {
  add(Error{std::move(message), where}, Severity::Note);
}

const Error& Diagnostics::first_error() const {
  for (const Diagnostic& d : items_) {
    if (d.severity == Severity::Error) return d.error;
  }
  return items_.front().error;
}

}  // namespace liyuan::scene
