#include "io/memory_folder.hpp"

#include <cpl_vsi.h>

namespace frontline::io {

MemoryFolder::MemoryFolder() : m_path("/vsimem/frontline-output-" + std::to_string(s_counter++)) {
    VSIMkdir(m_path.c_str(), 0755);
}

MemoryFolder::~MemoryFolder() { VSIRmdirRecursive(m_path.c_str()); }

}  // namespace frontline::io
