// The output: asking for the sound device where there may be none never fails the show (it falls back to the
// loopback device, saying so), and the loopback device mixes exactly the frames asked for. Bus volumes apply.
#include <gtest/gtest.h>
#include <sndfile.h>

#include "audio_rig.h"

namespace liyuan::audio::test {
namespace {

TEST(AudioDevice, TheDeviceOrTheLoopbackOpensAndSaysWhich) {
  auto device = AudioDevice::open(DeviceOptions{OutputKind::Device, kRate, false});
  ASSERT_TRUE(device) << device.error().to_string();
  EXPECT_FALSE((*device)->description().empty());
  if ((*device)->kind() == OutputKind::Loopback) {
    EXPECT_EQ((*device)->render(480).size(), 960u);
  } else {
    EXPECT_TRUE((*device)->render(480).empty()) << "a sound device mixes on its own clock";
  }
}

TEST(AudioDevice, LoopbackMixesTheFramesAskedFor) {
  auto device = AudioDevice::open(DeviceOptions{OutputKind::Loopback, 44100, true});
  ASSERT_TRUE(device) << device.error().to_string();
  EXPECT_EQ((*device)->kind(), OutputKind::Loopback);
  EXPECT_EQ((*device)->sample_rate(), 44100);
  const std::vector<float> silence = (*device)->render(441);
  ASSERT_EQ(silence.size(), 882u);
  for (float s : silence) ASSERT_EQ(s, 0.0f);
}

TEST(AudioMix, ABusAtZeroIsSilentAndTheOthersPlay) {
  const auto dir = output_dir();
  LoopbackRig rig;
  write_tone(dir / "a.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 440.0, 0.3);
  write_tone(dir / "b.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 660.0, 0.3);
  rig.library().add_owned("fx", "", "a.wav", read_bytes(dir / "a.wav"));
  rig.library().add_owned("tune", "", "b.wav", read_bytes(dir / "b.wav"));
  scene::Timeline timeline = cue_timeline(5.0, {{0.1, "fx"}, {0.1, "tune"}});
  SoundLookup sounds = [](const std::string& key) {
    return key == "fx" ? SoundInfo{Bus::Effects, false} : SoundInfo{Bus::Music, false};
  };
  rig.mixer().set_bus_volume(Bus::Effects, 0.0f);
  rig.mixer().set_master(0.5f);
  scene::Playhead playhead(timeline);
  rig.run_until(0.5, timeline, {}, playhead, 1.0 / 60.0, "en", sounds);
  EXPECT_LT(rig.capture().tone(440.0, 0.15, 0.35), 0.002) << "the effects bus is muted";
  const double music = rig.capture().tone(660.0, 0.15, 0.35);
  // A centred mono source at full volume measures 0.5 × 0.707 (the pan law) per channel; master halves it.
  EXPECT_NEAR(music, 0.5 * 0.5 * 0.707, 0.03);
}

}  // namespace
}  // namespace liyuan::audio::test
