// Three phases, each a parallel loop whose results land in slots by index: (1) per relic, a cache lookup or import +
// placement + meshes; (2) every texture of every relic that was not cached; (3) cache stores. Then one assembly.
#include "pack_pipeline.h"

#include "exhibition.h"
#include "job_pool.h"
#include "manifest.h"
#include "pack_builder.h"
#include "relic_cache.h"
#include "relic_placement.h"
#include "yaml_document.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <chrono>
#include <map>
#include <memory>
#include <optional>

namespace liyuan::packer {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string lowercase_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// One relic (or the one model) on its way through the phases.
struct RelicTask {
  std::filesystem::path model;               // what Assimp imports
  std::optional<RelicManifest> manifest;     // none for a plain model
  std::string name;                          // relic id or file name
  uint64_t cache_key = 0;
  bool cacheable = false;
  std::unique_ptr<ImportedModel> imported;   // kept for texture building
  RelicChunks chunks;
  std::optional<Error> error;
  bool from_cache = false;
  double seconds = 0;
};

// Phase 1 for TASK: the cached entry, or import, placement and meshes.
void prepare_relic(RelicTask& task, const PipelineOptions& options, const RelicCache* cache) {
  if (task.error) return;  // its manifest already failed (allow_missing)
  const auto start = Clock::now();
  if (cache && task.manifest) {
    auto key = relic_cache_key(*task.manifest, options.textures, options.fingerprint);
    if (!key) {
      task.error = key.error();
      return;
    }
    task.cache_key = *key;
    task.cacheable = true;
    if (auto cached = cache->load(task.cache_key)) {
      task.chunks = std::move(*cached);
      task.from_cache = true;
      return;
    }
  }
  ImportOptions import_options = options.import;
  if (task.manifest) {
    import_options.base_color.clear();
    import_options.normalise = relic_normalise_options(*task.manifest);
  }
  auto model = import_model(task.model, import_options);
  if (!model) {
    task.error = task.manifest ? make_error(task.manifest->file + ": " + model.error().to_string()) : model.error();
    return;
  }
  task.imported = std::make_unique<ImportedModel>(std::move(*model));
  mat4 placement(1.f);
  std::vector<std::string> warnings;
  if (task.manifest) {
    auto placed = fit_relic_size(*task.imported, *task.manifest);
    if (!placed) {
      task.error = placed.error();
      return;
    }
    placement = placed->relic_from_model;
    warnings = std::move(placed->warnings);
  }
  task.chunks = plan_relic(*task.imported, placement);
  task.chunks.warnings = std::move(warnings);
  task.seconds += seconds_since(start);
}

RelicReport report_of(const RelicTask& task) {
  RelicReport r;
  r.name = task.name;
  r.reprocessed = !task.from_cache;
  r.meshes = uint32_t(task.chunks.meshes.size());
  r.textures = uint32_t(task.chunks.textures.size());
  r.vertices = task.chunks.vertices;
  r.lod_triangles = lod_triangles(task.chunks.meshes);
  for (const BuiltTexture& t : task.chunks.textures) {
    r.texture_rgba8_bytes += t.stats.rgba8_bytes;
    r.texture_stored_bytes += t.stats.stored_bytes;
    r.texture_stats.push_back(t.stats);
  }
  r.seconds = task.seconds;
  return r;
}

Result<std::vector<RelicTask>> tasks_for_manifests(const std::vector<std::pair<std::filesystem::path, std::string>>& files,
                                                   Progress* progress, bool allow_missing) {
  std::vector<RelicTask> tasks;
  std::map<std::string, std::string> ids;  // id → manifest
  for (const auto& [path, display] : files) {
    auto manifest = load_manifest(path, display);
    if (!manifest && allow_missing) {
      // Left out later with the reason (a missing source, most often); the scene shows a placeholder.
      RelicTask failed;
      failed.name = display;
      failed.error = manifest.error();
      tasks.push_back(std::move(failed));
      continue;
    }
    if (!manifest) return manifest.error();
    for (const std::string& warning : manifest->warnings) {
      if (progress) progress->warn(warning);
    }
    if (auto [it, inserted] = ids.try_emplace(manifest->id, display); !inserted) {
      return make_error(fmt::format("{}: relic id '{}' is already used by {}", display, manifest->id, it->second));
    }
    RelicTask task;
    task.model = manifest->source_path;
    task.name = manifest->id;
    task.manifest = std::move(*manifest);
    tasks.push_back(std::move(task));
  }
  return tasks;
}

}  // namespace

Result<InputKind> classify_input(const std::filesystem::path& path) {
  const std::string ext = lowercase_extension(path);
  if (ext != ".yaml" && ext != ".yml" && ext != ".json") return InputKind::Model;
  auto doc = load_yaml_file(path, path.string());
  if (!doc) return doc.error();
  if (!doc->root.IsMap() || doc->root["source"].IsDefined()) return InputKind::Manifest;
  for (const char* key : {"relics", "include", "strings", "locales", "default_locale"}) {
    if (doc->root[key].IsDefined()) return InputKind::Exhibition;
  }
  return InputKind::Manifest;
}

Result<PackRun> pack_inputs(const std::vector<std::filesystem::path>& inputs, const PipelineOptions& options) {
  const auto start = Clock::now();
  if (inputs.empty()) return make_error("nothing to pack");
  std::vector<InputKind> kinds;
  for (const auto& input : inputs) {
    std::error_code ignored;
    if (!std::filesystem::exists(input, ignored)) return make_error(input.string() + ": no such file");
    auto kind = classify_input(input);
    if (!kind) return kind.error();
    kinds.push_back(*kind);
  }
  const bool all_manifests = std::all_of(kinds.begin(), kinds.end(), [](InputKind k) { return k == InputKind::Manifest; });
  if (!all_manifests && inputs.size() > 1) {
    return make_error("give one model, one exhibition, or any number of relic manifests");
  }

  PackRun run;
  PackReport& report = run.report;
  report.target = texture_target_name(options.textures.target);
  PackAssembly assembly;
  std::optional<Exhibition> exhibition;
  std::vector<RelicTask> tasks;
  if (kinds[0] == InputKind::Model) {
    report.kind = "model";
    RelicTask task;
    task.model = inputs[0];
    task.name = inputs[0].filename().string();
    tasks.push_back(std::move(task));
  } else {
    std::vector<std::pair<std::filesystem::path, std::string>> manifests;
    if (kinds[0] == InputKind::Exhibition) {
      report.kind = "exhibition";
      auto loaded = load_exhibition(inputs[0], inputs[0].string());
      if (!loaded) return loaded.error();
      exhibition = std::move(*loaded);
      for (const std::string& warning : exhibition->warnings) report.warnings.push_back(warning);
      for (const std::string& relative : exhibition->manifests) {
        manifests.emplace_back(exhibition->folder / relative, display_path(*exhibition, relative));
      }
    } else {
      report.kind = "relics";
      for (const auto& input : inputs) manifests.emplace_back(input, input.string());
    }
    auto loaded = tasks_for_manifests(manifests, options.progress, options.allow_missing);
    if (!loaded) return loaded.error();
    tasks = std::move(*loaded);
    assembly.catalogued = true;
  }

  std::optional<RelicCache> cache;
  if (options.cache && assembly.catalogued) cache.emplace(*options.cache);
  Progress* progress = options.progress;
  if (progress) progress->add_work(tasks.size());

  // Phase 1: cached entries, or import + placement + meshes.
  parallel_for(tasks.size(), options.jobs, [&](size_t i) {
    prepare_relic(tasks[i], options, cache ? &*cache : nullptr);
    if (progress) {
      const RelicTask& t = tasks[i];
      progress->add_work(t.error || t.from_cache ? 0 : t.chunks.texture_jobs.size());
      progress->advance(fmt::format("{}: {}", t.name, t.error ? "failed" : t.from_cache ? "from the cache" : "meshes"));
    }
  });
  // A relic that failed: the whole pack fails, or (allow_missing) the relic is left out and the rest goes on.
  auto leave_out_failed = [&]() -> Status {
    for (const RelicTask& task : tasks) {
      if (!task.error) continue;
      if (!options.allow_missing || !assembly.catalogued) return *task.error;
      report.left_out.push_back(task.name + ": " + task.error->to_string());
      report.warnings.push_back("relic '" + task.name + "' left out (the show will place a placeholder): " +
                                task.error->to_string());
    }
    std::erase_if(tasks, [](const RelicTask& task) { return task.error.has_value(); });
    if (tasks.empty()) return make_error("no relic could be packed");
    return {};
  };
  if (Status s = leave_out_failed(); !s) return s.error();

  // Phase 2: every texture of every relic that was not cached, all in one parallel loop.
  struct TextureWork {
    size_t task, texture;
  };
  std::vector<TextureWork> work;
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].from_cache) continue;
    tasks[i].chunks.textures.assign(tasks[i].chunks.texture_jobs.size(), BuiltTexture{});
    for (size_t t = 0; t < tasks[i].chunks.texture_jobs.size(); ++t) work.push_back({i, t});
  }
  std::vector<std::optional<Error>> texture_errors(work.size());
  std::vector<double> texture_seconds(work.size(), 0.0);
  parallel_for(work.size(), options.jobs, [&](size_t w) {
    const auto texture_start = Clock::now();
    RelicTask& task = tasks[work[w].task];
    const TextureJob& job = task.chunks.texture_jobs[work[w].texture];
    auto built = build_texture(task.imported->images[size_t(job.image)], job.role, options.textures);
    if (built) task.chunks.textures[work[w].texture] = std::move(*built);
    else texture_errors[w] = built.error();
    texture_seconds[w] = seconds_since(texture_start);
    if (progress) {
      progress->advance(fmt::format("{}: texture {}/{}", task.name, work[w].texture + 1,
                                    task.chunks.texture_jobs.size()));
    }
  });
  for (size_t w = 0; w < work.size(); ++w) {
    if (texture_errors[w] && !tasks[work[w].task].error) tasks[work[w].task].error = *texture_errors[w];
    tasks[work[w].task].seconds += texture_seconds[w];
  }
  if (Status s = leave_out_failed(); !s) return s.error();

  // Phase 3: store what was built; a cache that cannot be written only costs a warning.
  if (cache) {
    std::vector<std::optional<Error>> store_errors(tasks.size());
    parallel_for(tasks.size(), options.jobs, [&](size_t i) {
      if (tasks[i].cacheable && !tasks[i].from_cache) {
        if (Status s = cache->store(tasks[i].cache_key, tasks[i].chunks); !s) store_errors[i] = s.error();
      }
    });
    for (const auto& error : store_errors) {
      if (error) report.warnings.push_back("cache not updated: " + error->to_string());
    }
  }

  uint64_t triangles = 0, vertices = 0;
  for (RelicTask& task : tasks) {
    for (const std::string& warning : task.chunks.warnings) report.warnings.push_back(warning);
    RelicReport relic = report_of(task);
    triangles += relic.lod_triangles.empty() ? 0 : relic.lod_triangles[0];
    vertices += relic.vertices;
    (task.from_cache ? report.cached : report.reprocessed) += 1;
    report.relics.push_back(std::move(relic));
    if (task.manifest) assembly.catalogue.push_back({&*task.manifest, task.chunks.bounds.extent()});
  }
  if (progress) {
    for (const std::string& warning : report.warnings) progress->warn(warning);
  }

  if (!assembly.catalogued) {
    assembly.meta_json = meta_json(*tasks[0].imported, uint32_t(triangles), uint32_t(vertices));
  } else {
    nlohmann::json meta = nlohmann::json::object();
    meta["generator"] = "liyuan-pack 0.1.0";
    meta["source"] = inputs.size() == 1 ? inputs[0].filename().string() : std::string();
    meta["title"] = exhibition ? exhibition->id : tasks.size() == 1 ? tasks[0].name : std::string();
    meta["triangles"] = triangles;
    meta["vertices"] = vertices;
    meta["relics"] = tasks.size();
    meta["target"] = report.target;
    assembly.meta_json = meta.dump();
  }
  if (exhibition) {
    assembly.scenes.push_back(exhibition->document);
    for (CarriedFile& scene : exhibition->scenes) assembly.scenes.push_back(std::move(scene));
    // The relic manifests too, so that a pack alone is a whole exhibition: the runtime checks its scenes against
    // them as lint does (a manifest that cannot be read is simply not carried; its relic is then a placeholder).
    for (const std::string& relative : exhibition->manifests) {
      std::ifstream in(exhibition->folder / relative, std::ios::binary);
      if (!in) continue;
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      assembly.scenes.push_back(
          CarriedFile{std::filesystem::path(relative).lexically_normal().generic_string(), std::move(text)});
    }
    assembly.strings = std::move(exhibition->strings);
    assembly.sounds = std::move(exhibition->sounds);
  }
  for (RelicTask& task : tasks) assembly.relics.push_back(std::move(task.chunks));
  assembly.jobs = options.jobs;
  run.bytes = assemble_pack(assembly);
  report.scenes = uint32_t(assembly.scenes.size());
  report.strings = uint32_t(assembly.strings.size());
  report.sounds = uint32_t(assembly.sounds.size());
  report.pack_bytes = run.bytes.size();
  report.seconds = seconds_since(start);
  return run;
}

}  // namespace liyuan::packer
