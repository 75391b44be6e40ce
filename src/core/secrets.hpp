#pragma once

#include <string>
#include <string_view>

namespace frontline {

// The text with the secrets of connection strings masked, for anything printed: libpq keyword values
// (`password=…`, `password='…'`, also `sslpassword`) and the password of a URI (`postgresql://user:
// secret@host` → `postgresql://user:***@host`). Everything else is kept as it is.
std::string withoutSecrets(std::string_view text);

}  // namespace frontline
