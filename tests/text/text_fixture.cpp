#include "text_fixture.h"

namespace liyuan::test {

text::FontLibrary* fonts() {
  static std::unique_ptr<text::FontLibrary> library = [] {
    auto created = text::FontLibrary::create(6);
    EXPECT_TRUE(created) << created.error().to_string();
    return created ? std::move(*created) : nullptr;
  }();
  return library.get();
}

text::FontChain chain(const char* locale) {
  if (!fonts()) return {};
  auto made = fonts()->chain_for(locale, text::Weight::Regular);
  EXPECT_TRUE(made) << made.error().to_string();
  return made ? *made : text::FontChain{};
}

}  // namespace liyuan::test
