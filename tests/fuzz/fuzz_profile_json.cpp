// The profile JSON reader (also what a saved session reloads). A profile it accepts must be
// usable (statistics, JS distances, merge) and must write back to JSON that reads back the same.
#include <cstdint>
#include <cstdlib>
#include <QByteArray>

#include "profile/profile_json.h"
#include "profile/profile_merge.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace nofade;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const std::optional<Profile> p = profileFromJsonBytes(bytes, &error);
    if (!p) {
        if (error.isEmpty())
            std::abort(); // a refusal must say why
        return 0;
    }
    (void)p->median();
    (void)p->jsd();
    (void)p->unlabelledImages();
    const QByteArray written = profileToJsonBytes(*p, true);
    const std::optional<Profile> again = profileFromJsonBytes(written, &error);
    if (!again || profileToJsonBytes(*again, true) != written)
        std::abort(); // docs/CLI.md: a profile reloads bit for bit
    (void)mergeProfiles({*p, *again}, &error);
    return 0;
}
