// The whole chain: an exhibition with a sounds table → liyuan-pack (AUDI chunks, byte-identical on a second run,
// listed by inspect, checked by verify) → the show's pack → ShowAudio on the loopback device, driven the way the
// frame loop drives it: cues on time, narration in the chosen language, missing and unusable files named while the
// rest of the show sounds, and a damaged AUDI chunk named without stopping the show.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <fstream>
#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "app/show.h"
#include "app/show_audio.h"
#include "assets/audio_chunks.h"
#include "audio_rig.h"
#include "scene/timeline_evaluate.h"

namespace liyuan::audio::test {
namespace {

using ::liyuan::test::data_dir;
using ::liyuan::test::pack_exe;
using ::liyuan::test::run_command;

constexpr double kFrame = 1.0 / 60.0;

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// An exhibition in DIR: one relic (the test cube), a lantern with a looping crackle on the visitor's right, a
// timeline with a welcome narration (en WAV, zh FLAC), a gong (Ogg Vorbis), a chime (Ogg Opus), and two sounds whose
// files are missing or not sound files.
std::filesystem::path write_sound_exhibition(const std::filesystem::path& dir) {
  const auto cube = std::filesystem::relative(data_dir() / "models/cube/cube.obj", dir / "relics");
  write_text(dir / "relics/cube.yaml", "id: cube\nsource: " + cube.generic_string() +
                                           "\ntitle: {en: Cube}\ncredit: Liyuan project\nlicence: CC0-1.0\n"
                                           "size: [1, 1, 1]\n");
  write_text(dir / "strings.yaml", "en:\n  title: Sounds\nzh:\n  title: 声音\n");
  std::filesystem::create_directories(dir / "audio");
  write_tone(dir / "audio/welcome.en.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 440.0, 0.3);
  write_tone(dir / "audio/welcome.zh.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 660.0, 0.3);
  write_tone(dir / "audio/gong.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 330.0, 0.3);
  write_tone(dir / "audio/chime.opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, 880.0, 0.3);
  write_tone(dir / "audio/crackle.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 250.0, 0.5, 0.3);
  write_text(dir / "audio/not-a-sound.wav", "this is a text file with a .wav name\n");
  write_text(dir / "hall.yaml", R"(nodes:
  - {name: plinth, relic: {id: cube}, translation: [0, 0, -3]}
  - {name: lantern, translation: [3, 0, 0], audio_source: {clip: crackle, volume: 0.5, loop: true}}
timeline:
  duration: 10
  audio:
    - {at: 0.5, clip: welcome}
    - {at: 1.2, clip: broken}
    - {at: 1.5, clip: gone}
    - {at: 1.9, clip: gong}
    - {at: 2.6, clip: chime}
)");
  write_text(dir / "exhibition.yaml", R"(id: sounds
title: title
default_locale: en
locales: [en, zh]
relics: [relics/cube.yaml]
strings: [strings.yaml]
include: [hall.yaml]
sounds:
  - key: welcome
    files: {en: audio/welcome.en.wav, zh: audio/welcome.zh.flac}
  - {key: crackle, bus: ambience, file: audio/crackle.wav}
  - {key: gong, bus: music, file: audio/gong.ogg}
  - {key: chime, file: audio/chime.opus}
  - {key: broken, file: audio/not-a-sound.wav}
  - {key: gone, file: audio/gone.wav}
)");
  return dir / "exhibition.yaml";
}

std::filesystem::path pack(const std::filesystem::path& exhibition, const std::filesystem::path& out,
                           std::string* output = nullptr) {
  const auto r = run_command(pack_exe(), {"pack", exhibition.string(), "-o", out.string(), "--no-cache"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  if (output) *output = r.output;
  return out;
}

std::vector<char> file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Plays SHOW from 0 for SECONDS at the fixed frame step through a loopback ShowAudio speaking LOCALE (and from
// SWITCH_AT on, SWITCH_TO when given).
std::vector<float> play(const app::Show& show, const std::string& locale, double seconds,
                        std::vector<std::string>* problems = nullptr, double switch_at = -1.0,
                        const std::string& switch_to = "") {
  auto audio = app::ShowAudio::create(show, {app::AudioOutput::Loopback, locale, false, true, kRate});
  EXPECT_TRUE(audio) << (audio ? "" : audio.error().to_string());
  if (!audio) return {};
  scene::Playhead playhead(show.exhibition.timeline);
  const ListenerPose listener;  // at the origin, facing -Z: the lantern is on the right
  for (int frame = 0; frame * kFrame < seconds - 1e-9; ++frame) {
    const scene::FrameState state =
        scene::evaluate(show.exhibition.timeline, show.exhibition.graph, playhead.time());
    if (switch_at >= 0.0 && playhead.time() >= switch_at && (*audio)->locale() != switch_to) {
      (*audio)->set_locale(switch_to);
    }
    (*audio)->update(state, playhead, listener, kFrame);
    playhead.advance(kFrame);
  }
  if (problems) *problems = (*audio)->problems();
  return (*audio)->mixed();
}

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& line : lines) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(ShowAudio, PackCarriesTheSoundsVerbatimAndDeterministically) {
  const auto dir = output_dir();
  const auto exhibition = write_sound_exhibition(dir / "src");
  std::string output;
  const auto first = pack(exhibition, dir / "first.lypak", &output);
  const auto second = pack(exhibition, dir / "second.lypak");
  EXPECT_EQ(file_bytes(first), file_bytes(second)) << "the same inputs give the same bytes";
  EXPECT_NE(output.find("audio/gone.wav"), std::string::npos) << output;
  EXPECT_NE(output.find("audio/not-a-sound.wav"), std::string::npos) << output;
  EXPECT_EQ(run_command(pack_exe(), {"verify", first.string()}).exit_code, 0);

  const auto inspected = run_command(pack_exe(), {"inspect", first.string(), "--json"});
  ASSERT_EQ(inspected.exit_code, 0) << inspected.output;
  const nlohmann::json report = nlohmann::json::parse(inspected.output);
  const nlohmann::json& sounds = report["sounds"];
  ASSERT_EQ(sounds.size(), 5u) << sounds.dump(1);
  EXPECT_EQ(sounds[0]["key"], "welcome");
  EXPECT_EQ(sounds[0]["locale"], "en");
  EXPECT_EQ(sounds[0]["codec"], "wav");
  EXPECT_EQ(sounds[1]["locale"], "zh");
  EXPECT_EQ(sounds[1]["codec"], "flac");
  EXPECT_EQ(sounds[3]["codec"], "vorbis");
  EXPECT_EQ(sounds[4]["codec"], "opus");
  EXPECT_EQ(sounds[4]["path"], "audio/chime.opus");

  // Read back through the runtime: the chunk holds the file's bytes exactly.
  auto reader = PackReader::open(first);
  ASSERT_TRUE(reader);
  auto chime = load_pack_sound(*reader, 4);
  ASSERT_TRUE(chime) << chime.error().to_string();
  const std::vector<std::byte> source = read_bytes(dir / "src/audio/chime.opus");
  ASSERT_EQ(chime->data.size(), source.size());
  EXPECT_TRUE(std::equal(source.begin(), source.end(), chime->data.begin()));
  const auto text = run_command(pack_exe(), {"inspect", first.string()});
  EXPECT_NE(text.output.find("AUDI#1: 'welcome' [zh] audio/welcome.zh.flac (flac"), std::string::npos) << text.output;
}

TEST(ShowAudio, TheShowSoundsOnTimeInTheVisitorsLanguage) {
  const auto dir = output_dir();
  const auto packed = pack(write_sound_exhibition(dir / "src"), dir / "show.lypak");
  auto input = app::load_input(packed);
  ASSERT_TRUE(input) << input.error().to_string();
  const app::Show& show = *input->show;

  std::vector<std::string> problems;
  Capture english{play(show, "en", 3.2, &problems)};
  Capture chinese{play(show, "zh", 3.2)};
  english.save(dir / "english.wav");
  for (const Capture* capture : {&english, &chinese}) {
    // The crackle bed on the right from the start; each cue on its time.
    EXPECT_GT(capture->rms(1, 0.1, 0.45), 1.5 * capture->rms(0, 0.1, 0.45)) << "the lantern is on the right";
    EXPECT_GT(capture->tone(330.0, 1.95, 2.15), 0.05) << "the gong";
    EXPECT_GT(capture->tone(880.0, 2.65, 2.85), 0.05) << "the chime";
  }
  EXPECT_GT(english.tone(440.0, 0.55, 0.75), 5.0 * english.tone(660.0, 0.55, 0.75)) << "English narration";
  Capture switched{play(show, "en", 1.0, nullptr, 0.3, "zh")};
  EXPECT_GT(switched.tone(660.0, 0.55, 0.75), 5.0 * switched.tone(440.0, 0.55, 0.75)) << "switched to Chinese live";
  EXPECT_GT(chinese.tone(660.0, 0.55, 0.75), 5.0 * chinese.tone(440.0, 0.55, 0.75)) << "Chinese narration";
  // Narration onset within 10 ms: where the 440 Hz energy rises above the bed.
  double onset = -1.0;
  for (double t = 0.40; t < 0.60 && onset < 0.0; t += 0.001) {
    if (english.tone(440.0, t, t + 0.005) > 0.1) onset = t;
  }
  EXPECT_NEAR(onset, 0.5, 0.010);
  // The broken and missing files are named; the cues around them sounded.
  EXPECT_TRUE(mentions(problems, "audio/not-a-sound.wav")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions(problems, "audio/gone.wav")) << ::testing::PrintToString(problems);
}

TEST(ShowAudio, TheListenerIsBetweenTheEyesFacingTheirWay) {
  render::View eyes[2];
  const mat4 turned = glm::rotate(mat4(1.0f), glm::radians(90.0f), vec3(0.0f, 1.0f, 0.0f));  // facing -X
  eyes[0].world_from_eye = glm::translate(mat4(1.0f), vec3(-0.032f, 1.6f, 2.0f)) * turned;
  eyes[1].world_from_eye = glm::translate(mat4(1.0f), vec3(0.032f, 1.6f, 2.0f)) * turned;
  const ListenerPose pose = app::listener_from_views(eyes);
  EXPECT_NEAR(pose.position.x, 0.0f, 1e-6f);
  EXPECT_NEAR(pose.position.y, 1.6f, 1e-6f);
  EXPECT_NEAR(pose.position.z, 2.0f, 1e-6f);
  const vec3 forward = pose.orientation * vec3(0.0f, 0.0f, -1.0f);
  EXPECT_NEAR(forward.x, -1.0f, 1e-5f);
  EXPECT_NEAR(forward.z, 0.0f, 1e-5f);
}

TEST(ShowAudio, ADamagedAudioChunkIsNamedAndTheShowGoesOn) {
  const auto dir = output_dir();
  const auto packed = pack(write_sound_exhibition(dir / "src"), dir / "show.lypak");
  const nlohmann::json report =
      nlohmann::json::parse(run_command(pack_exe(), {"inspect", packed.string(), "--json"}).output);
  uint64_t offset = 0;
  for (const auto& chunk : report["chunks"]) {
    if (chunk["type"] == "AUDI" && chunk["index"] == 3) offset = chunk["offset"].get<uint64_t>();
  }
  ASSERT_GT(offset, 0u);
  std::vector<char> bytes = file_bytes(packed);
  bytes[offset + 100] ^= 0x5a;  // inside the gong's Ogg data
  const auto damaged = dir / "damaged.lypak";
  std::ofstream(damaged, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));

  const auto verified = run_command(pack_exe(), {"verify", damaged.string()});
  EXPECT_EQ(verified.exit_code, 1);
  EXPECT_NE(verified.output.find("AUDI#3"), std::string::npos) << verified.output;

  auto input = app::load_input(damaged);
  ASSERT_TRUE(input) << input.error().to_string();
  std::vector<std::string> problems;
  Capture capture{play(*input->show, "en", 3.2, &problems)};
  EXPECT_LT(capture.tone(330.0, 1.95, 2.15), 0.01) << "the damaged gong is silent";
  EXPECT_GT(capture.tone(880.0, 2.65, 2.85), 0.05) << "the chime after it sounds";
  EXPECT_TRUE(mentions(problems, "audio/gong.ogg")) << ::testing::PrintToString(problems);
}

}  // namespace
}  // namespace liyuan::audio::test
