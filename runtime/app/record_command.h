// `liyuan record PACK|SCENE --out DIR|FILE.mp4 --from A --to B [--fps N] [--size WxH] [--stereo] [--locale L]`:
// renders the timeline from A to B seconds offscreen at a fixed frame rate — round((B - A) × N) frames, frame i at
// A + i / N — to numbered PNG frames (frame-00001.png …), a contact sheet (contact-sheet.png: up to 16 frames with
// their times) and, when Debian's ffmpeg is installed, an MP4.
//   --out DIR       frames, contact sheet and DIR/recording.mp4 (without ffmpeg: a note, no MP4);
//   --out FILE.mp4  the MP4 at FILE (ffmpeg required: without it an error before anything is rendered), frames and
//                   contact sheet in the folder beside it, FILE-frames/.
// A bare relic turns once round over the range.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace liyuan::app {

struct RecordOptions {
  std::filesystem::path input;
  std::filesystem::path out;
  double from = 0.0;
  double to = 0.0;
  double fps = 30.0;
  uint32_t width = 1280;
  uint32_t height = 720;
  bool stereo = false;  // both eyes side by side in each frame
  std::string locale;   // the visitor's language (empty: the exhibition's default)
};

// Frames a recording of OPTIONS holds: round((to - from) × fps).
uint32_t record_frame_count(const RecordOptions& options);

// Runs the command; returns an exit code from exit_codes.h.
int run_record(const RecordOptions& options);

}  // namespace liyuan::app
