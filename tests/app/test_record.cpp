// `liyuan record`, run as a user runs it: a two-second range at 30 fps gives 60 numbered PNG frames, a contact sheet
// whose cells differ and carry their times, and an MP4 of 60 frames (ffmpeg is installed by setup); FILE.mp4 puts the
// frames beside it; the same recording gives the same MP4 bytes; without ffmpeg, FILE.mp4 is an error and DIR a note.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>

#include <cstdlib>
#include <cstring>

#include "app/contact_sheet.h"
#include "app/digit_font.h"
#include "app/video_encode.h"
#include "app_test_util.h"
#include "core/image_file.h"
#include "core/mapped_file.h"
#include "support/image_compare.h"

namespace liyuan::test {
namespace {

std::filesystem::path tour() {
  return data_dir() / "exhibitions" / "tour" / "exhibition.yaml";
}

CommandResult record(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"record"};
  full.insert(full.end(), args.begin(), args.end());
  return run_command(runtime_exe(), full);
}

// The frames ffprobe decodes from VIDEO, or -1.
int mp4_frame_count(const std::filesystem::path& video) {
  std::filesystem::path ffprobe = app::find_on_path("ffprobe");
  if (ffprobe.empty()) return -1;
  CommandResult probe = run_command(ffprobe, {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                                              "stream=nb_read_frames", "-of", "csv=p=0", video.string()});
  return probe.exit_code == 0 ? std::atoi(probe.output.c_str()) : -1;
}

// Cell I of SHEET (its frame only).
RgbaImage cell_of(const RgbaImage& sheet, const app::ContactSheetLayout& layout, uint32_t i) {
  RgbaImage cell{layout.thumb_width, layout.thumb_height, {}};
  for (uint32_t y = 0; y < layout.thumb_height; ++y) {
    const uint8_t* row = sheet.pixel(layout.cell_x(i), layout.cell_y(i) + y);
    cell.pixels.insert(cell.pixels.end(), row, row + size_t(layout.thumb_width) * 4);
  }
  return cell;
}

// Whether cell I's label strip of SHEET shows exactly TEXT in the digit font on the sheet's ground.
bool label_reads(const RgbaImage& sheet, const app::ContactSheetLayout& layout, uint32_t i, const std::string& text) {
  uint32_t width = layout.thumb_width, height = app::digits_height(layout.label_scale);
  RgbaImage expected{width, height, std::vector<uint8_t>(size_t(width) * height * 4)};
  for (size_t p = 0; p < expected.pixels.size(); p += 4)
    std::copy(app::kContactSheetGround, app::kContactSheetGround + 4, &expected.pixels[p]);
  app::draw_digits(expected, 0, 0, text, layout.label_scale, {235, 235, 235, 255});
  for (uint32_t y = 0; y < height; ++y)
    for (uint32_t x = 0; x < width; ++x)
      if (std::memcmp(sheet.pixel(layout.label_x(i) + x, layout.label_y(i) + y), expected.pixel(x, y), 4) != 0)
        return false;
  return true;
}

TEST(Record, TwoSecondsAtThirtyFpsGiveSixtyFramesAContactSheetAndAnMp4) {
  ASSERT_FALSE(app::find_on_path("ffmpeg").empty()) << "setup installs Debian's ffmpeg; it is not on PATH";
  auto dir = output_dir();
  auto out = dir / "tour";
  // 4 s to 6 s: the camera path is at its fastest and the fox walks.
  CommandResult result =
      record({tour().string(), "--out", out.string(), "--from", "4", "--to", "6", "--fps", "30", "--size", "160x90"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  for (uint32_t i = 1; i <= 60; ++i)
    ASSERT_TRUE(std::filesystem::exists(out / fmt::format("frame-{:05}.png", i))) << "frame " << i << " is missing";
  EXPECT_FALSE(std::filesystem::exists(out / "frame-00061.png")) << "more than round(2 s x 30 fps) frames";
  auto first = read_png(out / "frame-00001.png");
  ASSERT_TRUE(first) << first.error().to_string();
  EXPECT_EQ(first->width, 160u);
  EXPECT_EQ(first->height, 90u);

  auto sheet = read_png(out / "contact-sheet.png");
  ASSERT_TRUE(sheet) << sheet.error().to_string();
  app::ContactSheetLayout layout = app::contact_sheet_layout(16, 160, 90);
  ASSERT_EQ(sheet->width, layout.width);
  ASSERT_EQ(sheet->height, layout.height);
  // The cells are the frames they claim to be: cell 0 is frame 1, cell 15 frame 60.
  auto last = read_png(out / "frame-00060.png");
  ASSERT_TRUE(last);
  EXPECT_TRUE(compare_images(cell_of(*sheet, layout, 0), *first, {}).matches);
  EXPECT_TRUE(compare_images(cell_of(*sheet, layout, 15), *last, {}).matches);
  // The camera moves: neighbouring cells differ, the first and last a lot.
  for (uint32_t i = 1; i < 16; ++i)
    EXPECT_GT(compare_images(cell_of(*sheet, layout, i - 1), cell_of(*sheet, layout, i), {16, 0.0}).differing_fraction,
              0.005)
        << "cells " << i - 1 << " and " << i << " look the same";
  EXPECT_GT(compare_images(cell_of(*sheet, layout, 0), cell_of(*sheet, layout, 15), {16, 0.0}).differing_fraction, 0.1);
  // Each cell carries its frame's timeline time.
  std::vector<uint32_t> frames = app::contact_sheet_frames(60);
  for (uint32_t i = 0; i < 16; ++i) {
    std::string label = app::timestamp_label(4.0 + frames[i] / 30.0);
    EXPECT_TRUE(label_reads(*sheet, layout, i, label)) << "cell " << i << " should read " << label;
  }
  EXPECT_TRUE(label_reads(*sheet, layout, 15, "5.97s"));

  auto video = out / "recording.mp4";
  ASSERT_TRUE(std::filesystem::exists(video)) << result.output;
  EXPECT_GT(std::filesystem::file_size(video), 1000u);
  EXPECT_EQ(mp4_frame_count(video), 60);
  EXPECT_NE(result.output.find(video.string()), std::string::npos) << "one line should say where the MP4 is";
}

TEST(Record, AnMp4FileGetsItsFramesBesideItAndTheSameRecordingGivesTheSameBytes) {
  auto dir = output_dir();
  auto exhibition = write_cube_exhibition(dir / "hall", cube_hall(0.0));
  std::vector<std::string> args = {exhibition.string(), "--from", "1", "--to", "1.5", "--fps", "10", "--size", "64x48"};
  auto run_to = [&](const std::filesystem::path& out) {
    std::vector<std::string> full = args;
    full.insert(full.end(), {"--out", out.string()});
    return record(full);
  };
  CommandResult first = run_to(dir / "clip.mp4");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(mp4_frame_count(dir / "clip.mp4"), 5);
  EXPECT_TRUE(std::filesystem::exists(dir / "clip-frames" / "frame-00005.png"));
  EXPECT_TRUE(std::filesystem::exists(dir / "clip-frames" / "contact-sheet.png"));
  CommandResult again = run_to(dir / "again.mp4");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(*read_text_file(dir / "clip.mp4"), *read_text_file(dir / "again.mp4"))
      << "the same frames should encode to the same bytes";

  // A shorter recording into the same place leaves no frames of the longer one behind.
  args[4] = "1.2";
  CommandResult shorter = run_to(dir / "clip.mp4");
  ASSERT_EQ(shorter.exit_code, 0) << shorter.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "clip-frames" / "frame-00002.png"));
  EXPECT_FALSE(std::filesystem::exists(dir / "clip-frames" / "frame-00003.png"));
  EXPECT_EQ(mp4_frame_count(dir / "clip.mp4"), 2);
}

// The RMS of the WAV file at PATH between FROM and TO seconds, all channels together (-1 when unreadable).
double read_wav_rms(const std::filesystem::path& path, double from, double to) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (!file) return -1.0;
  std::vector<float> samples(size_t(info.frames) * size_t(info.channels));
  sf_readf_float(file, samples.data(), info.frames);
  sf_close(file);
  size_t begin = size_t(from * info.samplerate) * size_t(info.channels);
  size_t end = std::min(samples.size(), size_t(to * info.samplerate) * size_t(info.channels));
  double sum = 0.0;
  for (size_t i = begin; i < end; ++i) sum += double(samples[i]) * samples[i];
  return end > begin ? std::sqrt(sum / double(end - begin)) : -1.0;
}

// What ffprobe says of VIDEO's streams, one "codec_type=…|duration=…" line each.
std::string mp4_streams(const std::filesystem::path& video) {
  CommandResult probe = run_command(app::find_on_path("ffprobe"), {"-v", "error", "-show_entries",
                                                                   "stream=codec_type,duration", "-of",
                                                                   "compact=p=0", video.string()});
  return probe.output;
}

TEST(Record, AShowWithSoundsHasItsMixAsTheVideosSoundTrack) {
  auto out = output_dir() / "tang";
  // The Tang Palace's welcome is spoken from 12.5 s; two seconds of it, in English.
  CommandResult result = record({(std::filesystem::path(LIYUAN_SOURCE_DIR) / "scenes/tang-palace/exhibition.yaml").string(),
                                 "--out", out.string(), "--from", "12", "--to", "14", "--fps", "4", "--size", "96x54",
                                 "--locale", "en"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("with its sound"), std::string::npos) << result.output;
  std::string streams = mp4_streams(out / "recording.mp4");
  EXPECT_NE(streams.find("codec_type=video|duration=2.000000"), std::string::npos) << streams;
  EXPECT_NE(streams.find("codec_type=audio|duration=2.0"), std::string::npos) << streams;
  // The mix itself: silent before the welcome, speech (and the murmur) after it.
  auto mix = read_wav_rms(out / "sound.wav", 0.0, 0.4);
  auto spoken = read_wav_rms(out / "sound.wav", 0.6, 2.0);
  EXPECT_GT(spoken, 4.0 * mix) << "before " << mix << ", during " << spoken;
  EXPECT_EQ(mp4_frame_count(out / "recording.mp4"), 8);
}

TEST(Record, WithoutFfmpegAnMp4IsAnErrorAndAFolderANote) {
  auto dir = output_dir();
  auto exhibition = write_cube_exhibition(dir / "hall", cube_hall(0.0));
  std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (dir / "empty").c_str(), 1);
  CommandResult mp4 = record({exhibition.string(), "--out", (dir / "x.mp4").string(), "--to", "0.2", "--fps", "10"});
  CommandResult folder = record(
      {exhibition.string(), "--out", (dir / "frames").string(), "--to", "0.2", "--fps", "10", "--size", "32x32"});
  setenv("PATH", path.c_str(), 1);
  EXPECT_EQ(mp4.exit_code, 1) << mp4.output;
  EXPECT_NE(mp4.output.find("install Debian's ffmpeg"), std::string::npos) << mp4.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x-frames")) << "nothing should be rendered before the error";
  EXPECT_EQ(folder.exit_code, 0) << folder.output;
  EXPECT_NE(folder.output.find("note: no MP4"), std::string::npos) << folder.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "frames" / "frame-00002.png"));
  EXPECT_FALSE(std::filesystem::exists(dir / "frames" / "recording.mp4"));

  CommandResult backwards = record({exhibition.string(), "--out", (dir / "b").string(), "--from", "2", "--to", "1"});
  EXPECT_EQ(backwards.exit_code, 2) << backwards.output;
}

}  // namespace
}  // namespace liyuan::test
