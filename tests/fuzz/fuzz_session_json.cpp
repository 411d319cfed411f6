// The session file reader (core/documents/session_file: QtCore and the core only, so it builds here
// without the GUI). A session it accepts must write back to JSON that reads back to the same session.
#include <cstdint>
#include <cstdlib>
#include <QByteArray>

#include "documents/session_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace nofade;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const std::optional<SessionData> s = sessionFromJson(bytes, QStringLiteral("fuzz.nofade-session"), &error);
    if (!s) {
        if (error.isEmpty())
            std::abort(); // a refusal must say why
        return 0;
    }
    const QByteArray written = sessionToJson(*s);
    const std::optional<SessionData> again = sessionFromJson(written, QStringLiteral("again"), &error);
    if (!again || sessionToJson(*again) != written)
        std::abort(); // a saved session reopens as it was saved
    return 0;
}
