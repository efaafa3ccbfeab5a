#include "app/show_audio.h"

#include <fmt/format.h>
#include <sndfile.h>

#include <cmath>
#include <set>

#include "core/clock.h"
#include "core/log.h"

namespace liyuan::app {

std::optional<AudioOutput> parse_audio_output(std::string_view name) {
  if (name == "device") return AudioOutput::Device;
  if (name == "loopback") return AudioOutput::Loopback;
  if (name == "off") return AudioOutput::Off;
  return std::nullopt;
}

Result<std::unique_ptr<ShowAudio>> ShowAudio::create(const Show& show, const ShowAudioOptions& options) {
  std::unique_ptr<ShowAudio> audio(new ShowAudio());
  audio->show_ = &show;
  audio->options_ = options;
  const auto& exhibition = show.exhibition.sources.exhibition;
  audio->locale_ = !options.locale.empty() ? options.locale : exhibition ? exhibition->default_locale.name : "";
  if (options.output == AudioOutput::Off) {
    log::info("audio: off");
    return audio;
  }
  auto device = audio::AudioDevice::open(audio::DeviceOptions{
      options.output == AudioOutput::Loopback ? audio::OutputKind::Loopback : audio::OutputKind::Device,
      options.sample_rate, options.hrtf});
  if (!device) return device.error();
  audio->device_ = std::move(*device);
  audio->library_ = std::make_unique<audio::ClipLibrary>();
  audio->director_ = std::make_unique<audio::SyncDirector>(*audio->library_, audio->mixer_);
  if (exhibition) audio->library_->set_fallback_locale(exhibition->default_locale.name);

  // The pack's sound files, each checked on its own: a damaged chunk costs its sound, not the show.
  const PackReader& reader = show.reader;
  std::set<std::pair<std::string, std::string>> packed;
  for (uint32_t i = 0; i < reader.count(pack::ChunkType::Audio); ++i) {
    auto sound = load_pack_sound(reader, i);
    if (!sound) {
      log::warn("audio: {}; that sound is silent", sound.error().to_string());
      continue;
    }
    audio->sounds_.push_back(std::move(*sound));
  }
  for (const PackSound& sound : audio->sounds_) {
    audio->library_->add(std::string(sound.key), std::string(sound.locale),
                         fmt::format("{} ({})", sound.path, sound.chunk), sound.data);
    packed.emplace(sound.key, sound.locale);
  }
  if (exhibition && !exhibition->sounds_at) {
    log::info("audio: the exhibition has no 'sounds' table: the show is silent");
  }
  if (exhibition) {
    for (const scene::SoundDocument& sound : exhibition->sounds) {
      audio->sound_info_[sound.key.name] =
          audio::SoundInfo{audio::parse_bus(sound.bus_name()).value_or(audio::Bus::Effects), !sound.files.empty()};
      auto note_missing = [&](const std::string& locale, const scene::LocatedName& file) {
        if (!packed.contains({sound.key.name, locale})) {
          audio->library_->add_missing(sound.key.name, locale, file.name,
                                       "is not in the pack (left out when packed, or its chunk is damaged)");
        }
      };
      if (sound.file) note_missing("", *sound.file);
      for (const auto& [locale, file] : sound.files) note_missing(locale.name, file);
    }
  }
  audio->decode_all();
  log::info("audio: {}; {} sound file(s), locale '{}'", audio->device_->description(), audio->sounds_.size(),
            audio->locale_);
  return audio;
}

void ShowAudio::decode_all() {
  // A sound placed at a node plays as mono, one heard as it is (narration, beds) in its own channels: decode each
  // sound the way its cues and sources will ask for it.
  std::set<std::string> placed, unplaced;
  for (const scene::AudioSource& source : show_->exhibition.graph.audio_sources) placed.insert(source.clip_key);
  for (const scene::AudioCue& cue : show_->exhibition.timeline.audio_cues)
    (cue.node >= 0 ? placed : unplaced).insert(cue.clip_key);
  Stopwatch clock;
  size_t decoded = 0;
  for (const PackSound& sound : sounds_) {
    const std::string key(sound.key), locale(sound.locale);
    if (placed.contains(key) && library_->get(key, locale, true)) ++decoded;
    if (unplaced.contains(key) && library_->get(key, locale, false)) ++decoded;
  }
  if (decoded > 0) log::info("audio: {} clip(s) decoded in {:.0f} ms", decoded, clock.elapsed_ms());
}

ShowAudio::~ShowAudio() {
  director_.reset();  // sources before buffers, both before the context goes
  library_.reset();
}

void ShowAudio::update(const scene::FrameState& state, const scene::Playhead& playhead,
                       const audio::ListenerPose& listener, double dt) {
  if (!device_) return;
  audio::ScheduleInput input;
  input.timeline = &show_->exhibition.timeline;
  input.graph = &show_->exhibition.graph;
  input.state = &state;
  input.playhead = &playhead;
  input.dt = dt;
  input.locale = locale_;
  input.sounds = [this](const std::string& key) {
    auto it = sound_info_.find(key);
    return it == sound_info_.end() ? audio::SoundInfo{} : it->second;
  };
  director_->update(audio::DirectorFrame{audio::schedule_voices(input), listener, playhead.paused(), dt});
  if (device_->kind() == audio::OutputKind::Loopback && dt > 0.0) {
    mixed_seconds_ += dt;
    const int64_t target = std::llround(mixed_seconds_ * device_->sample_rate());
    std::vector<float> samples = device_->render(int(target - mixed_frames_));
    mixed_frames_ = target;
    if (options_.keep_mix) mixed_.insert(mixed_.end(), samples.begin(), samples.end());
  }
}

const audio::SyncReport& ShowAudio::sync_report() const {
  static const audio::SyncReport kNone;
  return director_ ? director_->report() : kNone;
}

const std::vector<std::string>& ShowAudio::problems() const {
  static const std::vector<std::string> kNone;
  return library_ ? library_->problems() : kNone;
}

std::string ShowAudio::output_description() const { return device_ ? device_->description() : "off"; }

int ShowAudio::sample_rate() const { return device_ ? device_->sample_rate() : 0; }

Status ShowAudio::write_mix(const std::filesystem::path& path) const {
  SF_INFO info{};
  info.samplerate = sample_rate() > 0 ? sample_rate() : options_.sample_rate;
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  SNDFILE* sf = sf_open(path.c_str(), SFM_WRITE, &info);
  if (!sf) return make_error(fmt::format("{}: cannot write the mix: {}", path.string(), sf_strerror(nullptr)));
  const sf_count_t frames = sf_count_t(mixed_.size() / 2);
  const sf_count_t written = sf_writef_float(sf, mixed_.data(), frames);
  sf_close(sf);
  if (written != frames) return make_error(fmt::format("{}: the mix was not written whole", path.string()));
  return {};
}

audio::ListenerPose listener_from_views(std::span<const render::View> views) {
  audio::ListenerPose pose;
  if (views.empty()) return pose;
  vec3 position(0.0f);
  for (const render::View& view : views) position += vec3(view.world_from_eye[3]);
  pose.position = position / float(views.size());
  pose.orientation = glm::quat_cast(mat3(views[0].world_from_eye));
  return pose;
}

}  // namespace liyuan::app
