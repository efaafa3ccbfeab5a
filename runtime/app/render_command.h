// `liyuan render PACK|SCENE --out FILE.png [--time T] [--size WxH] [--stereo] [--turntable DEG] [--lod N]`: one frame
// to a PNG. A pack holding a bare relic is framed like a turntable photograph under studio lights; an exhibition
// (exhibition.yaml) is packed if needed and shown as its timeline has it at time T. --stereo writes both eyes side
// by side (left first), rendered in one multiview pass with a 63 mm interpupillary distance. An exhibition's frame
// shows its caption at T and, with --panel NODE, the relic panel of the hotspot on NODE, in --locale's language.
#pragma once

#include <filesystem>
#include <string>

namespace liyuan::app {

struct RenderOptions {
  std::filesystem::path input;  // a .lypak, or an exhibition's exhibition.yaml
  double time = 0.0;            // seconds on the timeline (exhibitions)
  std::filesystem::path out;
  uint32_t width = 1280;
  uint32_t height = 720;
  bool stereo = false;
  float turntable_degrees = 25.0f;  // the camera's angle around the relic, from its front (+Z), towards +X
  int lod = -1;                     // >= 0: draw this level of detail everywhere (inspection)
  std::string locale;               // captions' and panels' language; empty: the exhibition's default
  std::string panel;                // a hotspot node whose relic panel is open; empty: none
  bool no_text = false;             // leave captions and panels out
};

// Runs the command; returns an exit code from exit_codes.h. Errors are printed as one line on stderr.
int run_render(const RenderOptions& options);

}  // namespace liyuan::app
