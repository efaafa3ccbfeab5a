// scenes/schema/scene.schema.json must allow exactly the keys and names the parser allows, so editors' autocomplete
// and checks never drift from what lint says.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "scene/easing.h"
#include "scene/parse_timeline.h"
#include "scene/scene_keys.h"
#include "scene_test_util.h"

namespace liyuan::scene {
namespace {

nlohmann::json load_schema() {
  std::ifstream in(testing::source_dir() / "scenes/schema/scene.schema.json");
  return nlohmann::json::parse(in);
}

std::set<std::string> as_set(std::span<const std::string_view> names) { return {names.begin(), names.end()}; }

TEST(Schema, EveryObjectAllowsExactlyTheParsersKeys) {
  nlohmann::json schema = load_schema();
  const std::pair<const char*, std::span<const std::string_view>> objects[] = {
      {"exhibition", keys::kExhibition}, {"sceneFile", keys::kSceneFile},   {"environment", keys::kEnvironment},
      {"node", keys::kNode},             {"relic", keys::kRelic},           {"light", keys::kLight},
      {"flicker", keys::kFlicker},       {"viewpoint", keys::kViewpoint},   {"hotspot", keys::kHotspot},
      {"displayCase", keys::kDisplayCase}, {"audioSource", keys::kAudioSource},
      {"captionAnchor", keys::kCaptionAnchor}, {"timeline", keys::kTimeline}, {"attract", keys::kAttract},
      {"chapter", keys::kChapter},       {"timedName", keys::kTimedName},   {"track", keys::kTrack},
      {"key", keys::kKey},               {"cameraPath", keys::kCameraPath}, {"clip", keys::kClip},
      {"caption", keys::kCaption},       {"audioCue", keys::kAudioCue},      {"sound", keys::kSound},
  };
  size_t object_defs = 0;
  for (const auto& [name, definition] : schema["$defs"].items()) object_defs += definition.value("type", "") == "object";
  EXPECT_EQ(object_defs, std::size(objects)) << "an object in the schema has no key table here, or the reverse";
  for (const auto& [name, allowed] : objects) {
    SCOPED_TRACE(name);
    const nlohmann::json& definition = schema["$defs"][name];
    ASSERT_TRUE(definition.is_object());
    EXPECT_EQ(definition["additionalProperties"], false);
    std::set<std::string> properties;
    for (const auto& [key, value] : definition["properties"].items()) properties.insert(key);
    EXPECT_EQ(properties, as_set(allowed));
  }
}

TEST(Schema, NamedValuesMatchTheParser) {
  nlohmann::json schema = load_schema();
  EXPECT_EQ(schema["$defs"]["easing"]["enum"].get<std::set<std::string>>(), as_set(easing_names()));
  EXPECT_EQ(schema["$defs"]["track"]["properties"]["property"]["enum"].get<std::set<std::string>>(),
            as_set(property_names()));
  EXPECT_EQ(schema["$defs"]["sound"]["properties"]["bus"]["enum"].get<std::set<std::string>>(),
            as_set(keys::kSoundBuses));
  for (const std::string& name : schema["$defs"]["interpolation"]["enum"].get<std::vector<std::string>>()) {
    EXPECT_TRUE(interpolation_from_name(name)) << name;
  }
}

}  // namespace
}  // namespace liyuan::scene
