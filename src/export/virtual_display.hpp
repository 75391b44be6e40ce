#pragma once
// An X display for OpenGL when there is none (servers, CI): Xvfb started by frontline itself.

#include <string>

namespace frontline::exporting {

// Makes sure $DISPLAY names a display. When it is unset, starts `Xvfb -displayfd … -terminate` once per
// process, waits for its display number and sets $DISPLAY. The server is bound to this process: the
// kernel sends it SIGTERM when frontline exits (PR_SET_PDEATHSIG), and -terminate ends it when the last
// client disconnects. When $DISPLAY is set, connects to it once (trying again for a few seconds while
// the server refuses), so that a missing display is a message and not SFML's abort. Returns a sentence
// for --verbose saying which display is used and how. Throws RenderError when Xvfb cannot be started
// (Debian package: xvfb) or the display set cannot be reached.
std::string ensureDisplay();

// Starts Xvfb as ensureDisplay() would, but without waiting for it, so that it boots while the caller
// does other work (loading the scenario); the next ensureDisplay() waits for it. Does nothing when
// $DISPLAY is set or a display was already started. Call it from the main thread (the server is bound
// to the thread that starts it). Throws RenderError when fork or pipe fail.
void startDisplay();

}  // namespace frontline::exporting
