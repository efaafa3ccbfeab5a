// The parser's reading of YAML against the schema, with exact lines and columns.
#include "scene/parse_scene.h"

#include <gtest/gtest.h>

#include "scene/parse_exhibition.h"
#include "scene/yaml_tree.h"

namespace liyuan::scene {
namespace {

// Every diagnostic of parsing TEXT as scene.yaml, as text.
std::vector<std::string> problems(std::string_view text, SceneFileDocument* out = nullptr) {
  Diagnostics diagnostics;
  SceneFileDocument doc = parse_scene_text(text, "scene.yaml", diagnostics);
  if (out) *out = std::move(doc);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics.items()) lines.push_back(d.to_string());
  return lines;
}

using Lines = std::vector<std::string>;

TEST(Parse, BooleansAreOnlyTrueAndFalse) {
  // YAML 1.1 would read yes/on/no as booleans; the Norway problem: `country: no`.
  EXPECT_EQ(problems("nodes:\n  - {name: a, active: yes}\n  - {name: b, active: on}\n  - {name: c, active: \"true\"}\n"),
            (Lines{"scene.yaml:2:23: error: expected true or false for 'active', found 'yes'",
                   "scene.yaml:3:23: error: expected true or false for 'active', found 'on'",
                   "scene.yaml:4:23: error: expected true or false for 'active', found the quoted string 'true'"}));
  SceneFileDocument doc;
  EXPECT_TRUE(problems("nodes:\n  - {name: a, active: false}\n", &doc).empty());
  EXPECT_FALSE(doc.nodes[0].active);
}

TEST(Parse, StringsStayStrings) {
  // `no` and `on` are ordinary names here; `1.0` as a name is the text "1.0".
  SceneFileDocument doc;
  EXPECT_TRUE(problems("nodes:\n  - {name: no}\n  - {name: on, parent: no}\n  - {name: 1.0}\n", &doc).empty());
  ASSERT_EQ(doc.nodes.size(), 3u);
  EXPECT_EQ(doc.nodes[0].name.name, "no");
  EXPECT_EQ(doc.nodes[1].parent->name, "no");
  EXPECT_EQ(doc.nodes[2].name.name, "1.0");
}

TEST(Parse, NumbersAreUnquotedAndFinite) {
  EXPECT_EQ(problems("nodes:\n  - name: a\n    translation: [1, \"2\", .inf]\n"),
            (Lines{"scene.yaml:3:22: error: expected a number for 'translation', found the quoted string '2'",
                   "scene.yaml:3:27: error: expected a number for 'translation', found '.inf'"}));
  EXPECT_EQ(problems("nodes:\n  - {name: a, scale: [1, 2]}\n"),
            (Lines{"scene.yaml:2:22: error: expected a list of 3 numbers for 'scale', found a list of 2"}));
  SceneFileDocument doc;
  EXPECT_TRUE(problems("nodes:\n  - {name: a, translation: [+1, -2.5, 3e2], scale: 2}\n", &doc).empty());
  EXPECT_EQ(doc.nodes[0].transform.translation, vec3(1, -2.5f, 300));
  EXPECT_EQ(doc.nodes[0].transform.scale, vec3(2));
}

TEST(Parse, UnknownKeysSuggestTheClosestAllowedKey) {
  EXPECT_EQ(problems("nodes:\n  - name: lamp\n    ligth: {intensity: 2}\n    translaton: [0, 0, 0]\n    zzz: 1\n"),
            (Lines{"scene.yaml:3:5: error: unknown key 'ligth' in 'node'; did you mean 'light'?",
                   "scene.yaml:4:5: error: unknown key 'translaton' in 'node'; did you mean 'translation'?",
                   "scene.yaml:5:5: error: unknown key 'zzz' in 'node'"}));
  EXPECT_EQ(problems("nodes:\n  - name: lamp\n    light: {type: point, colour: [1, 1, 1]}\n"),
            (Lines{"scene.yaml:3:26: error: unknown key 'colour' in 'light'; did you mean 'color'?"}));
}

TEST(Parse, EnumeratedNamesSuggestToo) {
  EXPECT_EQ(problems("timeline:\n  duration: 5\n  tracks:\n    - node: a\n      property: light.intensty\n"
                     "      keys: [{t: 0, value: 1}]\n"),
            (Lines{"scene.yaml:5:17: error: unknown property 'light.intensty'; did you mean 'light.intensity'?"}));
  EXPECT_EQ(problems("timeline:\n  duration: 5\n  tracks:\n    - node: a\n      property: scale\n"
                     "      easing: ease-in-out-sin\n      keys: [{t: 0, value: 1}]\n"),
            (Lines{"scene.yaml:6:15: error: unknown easing 'ease-in-out-sin'; did you mean 'ease-in-out-sine'?"}));
}

TEST(Parse, KeysGivenTwiceAndMissingKeys) {
  EXPECT_EQ(problems("nodes:\n  - name: a\n    name: b\n  - translation: [0, 0, 0]\n"),
            (Lines{"scene.yaml:3:5: error: key 'name' given twice in 'node' (first at line 2)",
                   "scene.yaml:4:5: error: missing required key 'name' in 'node'"}));
}

TEST(Parse, RotationsAreQuaternionsOrEulerDegrees) {
  SceneFileDocument doc;
  ASSERT_TRUE(problems("nodes:\n  - {name: a, rotation: [0, 0, 0, 2]}\n  - {name: b, euler: [90, 0, 0]}\n", &doc).empty());
  EXPECT_EQ(doc.nodes[0].transform.rotation, quat(1, 0, 0, 0));  // normalised
  vec3 up = doc.nodes[1].transform.rotation * vec3(0, 1, 0);      // 90° about X turns +Y to +Z
  EXPECT_NEAR(up.z, 1.0f, 1e-6f);
  // Euler order: X first, then Y, about fixed axes.
  quat xy = rotation_from_euler_degrees(vec3(90, 90, 0));
  vec3 v = xy * vec3(0, 1, 0);  // X: +Y → +Z; then Y: +Z → +X
  EXPECT_NEAR(v.x, 1.0f, 1e-6f);
  EXPECT_EQ(problems("nodes:\n  - {name: a, rotation: [0, 0, 0, 0]}\n  - {name: b, rotation: [0, 0, 0, 1], euler: [0, 0, 0]}\n"),
            (Lines{"scene.yaml:2:25: error: expected a rotation quaternion [x, y, z, w] for 'rotation', found a zero quaternion",
                   "scene.yaml:3:39: error: give either 'rotation' (a quaternion) or 'euler', not both"}));
}

TEST(Parse, SyntaxErrorsHaveTheirLineAndColumn) {
  // A flow map never closed: reported where the next item starts, or at the end of the text.
  EXPECT_EQ(problems("nodes:\n  - {name: a, translation: [0, 0, 0]\n  - {name: b}\n"),
            (Lines{"scene.yaml:3:3: error: a list item ('- ') cannot start here: is a '{' or '[' above not closed? "
                   "[illegal block entry]"}));
  EXPECT_EQ(problems("nodes: [{name: a}\n"),
            (Lines{"scene.yaml:2:1: error: expected ']' to close a '[' above [end of sequence flow not found]"}));
  // Bad indentation: `parent` is one column right of `name`.
  EXPECT_EQ(problems("nodes:\n  - name: a\n     parent: b\n"),
            (Lines{"scene.yaml:3:12: error: unexpected ':' (a value cannot start here; check indentation or quote "
                   "the text) [illegal map value]"}));
  EXPECT_EQ(problems("nodes:\n  - name: a\n   parent: b\n"),
            (Lines{"scene.yaml:3:4: error: bad indentation: expected this line to line up with the list items above "
                   "it [end of sequence not found]"}));
}

TEST(Parse, AliasesAndSecondDocumentsAreRefused) {
  EXPECT_EQ(problems("nodes:\n  - &lamp {name: a}\n  - *lamp\n"),
            (Lines{"scene.yaml:3:5: error: aliases (*name) are not supported in scene files: write the value out"}));
  EXPECT_EQ(problems("nodes: []\n---\nnodes: []\n"),
            (Lines{"scene.yaml:3:1: error: expected one YAML document per file; a second document starts here"}));
}

TEST(Parse, JsonIsAcceptedAndEmptyFilesAreEmptyScenes) {
  SceneFileDocument doc;
  EXPECT_TRUE(problems(R"({"nodes": [{"name": "a", "translation": [1, 2, 3], "active": true}]})", &doc).empty());
  ASSERT_EQ(doc.nodes.size(), 1u);
  EXPECT_EQ(doc.nodes[0].transform.translation, vec3(1, 2, 3));
  EXPECT_TRUE(problems("# nothing yet\n", &doc).empty());
  EXPECT_TRUE(doc.nodes.empty());
  EXPECT_EQ(problems("- just\n- a list\n"), (Lines{"scene.yaml:1:1: error: expected a map for 'scene file', found a list"}));
}

TEST(Parse, TimelinesReadEveryKind) {
  SceneFileDocument doc;
  auto lines = problems(R"(timeline:
  duration: 30
  attract: {start: 0, end: 5}
  chapters: [{name: one, at: 0, title: chapter.one}]
  markers: [{name: m, at: 3}]
  events: [{name: e, at: 4}]
  tracks:
    - {node: a, property: active, keys: [{t: 0, value: false}, {t: 1, value: true}]}
    - {node: a, property: rotation, interpolation: cubic, keys: [{t: 0, euler: [0, 0, 0]}, {t: 1, value: [0, 0, 0, 1]}]}
  camera_paths: [{viewpoints: [v1, v2], start: 5, duration: 10, smooth: false}]
  clips: [{node: a, clip: open, start: 5, speed: 0.5, loop: true}]
  captions: [{at: 5, key: caption.a, duration: 3, anchor: spot}]
  audio: [{at: 5, clip: audio.a, node: a, volume: 0.5}]
)", &doc);
  EXPECT_TRUE(lines.empty()) << lines[0];
  ASSERT_TRUE(doc.timeline);
  const TimelineDocument& t = *doc.timeline;
  EXPECT_EQ(t.duration, 30.0);
  EXPECT_EQ(t.attract->value.end, 5.0);
  EXPECT_EQ(t.tracks.size(), 2u);
  EXPECT_EQ(t.tracks[0].keys[1].key.interpolation, Interpolation::Step);  // active tracks default to step
  EXPECT_EQ(t.tracks[1].keys[0].key.interpolation, Interpolation::Cubic);
  EXPECT_FALSE(t.camera_paths[0].smooth);
  EXPECT_EQ(t.clips[0].speed, 0.5);
  EXPECT_TRUE(t.clips[0].loop);
  EXPECT_EQ(t.captions[0].anchor->name, "spot");
  EXPECT_EQ(t.audio_cues[0].cue.volume, 0.5f);
  // String keys are recorded for lint, with their place.
  ASSERT_EQ(doc.references.size(), 2u);
  EXPECT_EQ(doc.references[0].what.name, "chapter.one");
  EXPECT_EQ(doc.references[0].what.at.line, 4u);
  EXPECT_EQ(doc.references[0].what.at.column, 40u);
}

TEST(Parse, ValuesMustFitTheirProperty) {
  EXPECT_EQ(problems("timeline:\n  duration: 5\n  tracks:\n    - node: a\n      property: light.color\n"
                     "      keys: [{t: 0, value: 1}, {t: 1, value: [1, 0, 0]}, {t: 2, euler: [0, 0, 0]}]\n"),
            (Lines{"scene.yaml:6:28: error: expected a list of 3 numbers for 'value', found '1'",
                   "scene.yaml:6:65: error: 'euler' is only for rotation tracks",
                   "scene.yaml:6:58: error: missing required key 'value' in 'key'"}));
}

TEST(Parse, RelicManifestsNeedOnlyAnId) {
  Diagnostics diagnostics;
  auto manifest = parse_relic_manifest("id: vase\nmodel: vase.glb\nclips: [spin, open]\n",
                                       "vase.yaml", diagnostics);
  ASSERT_TRUE(manifest);
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_EQ(manifest->id.name, "vase");
  EXPECT_TRUE(manifest->lists_clips);
  EXPECT_EQ(manifest->clips, (std::set<std::string>{"open", "spin"}));
  EXPECT_FALSE(parse_relic_manifest("model: vase.glb\n", "vase.yaml", diagnostics));
  EXPECT_EQ(diagnostics.items().back().to_string(), "vase.yaml:1:1: error: missing required key 'id' in 'relic manifest'");
}

}  // namespace
}  // namespace liyuan::scene
