// The model table CSV (core/models) and the hardware/carbon tables that share its CSV layer:
// any bytes give a table and error messages, never a crash.
#include <cstdint>
#include <QByteArray>

#include "models/carbon_table.h"
#include "models/hardware_table.h"
#include "models/model_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace nofade;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    ModelTable table = ModelTable::fromCsv(bytes, QStringLiteral("fuzz.csv"));
    for (const TableIssue& issue : table.issues())
        (void)table.issueMessage(issue);
    (void)table.toCsv();
    if (!table.rows().empty()) { // editing paths: a cell set, a row appended
        table.setCell(0, QStringLiteral("score"), QStringLiteral("50"));
        table.appendRow();
    }
    QStringList errors;
    (void)HardwareTable::fromCsv(bytes, QStringLiteral("fuzz-hardware.csv"), &errors);
    (void)CarbonTable::fromCsv(bytes, QStringLiteral("fuzz-carbon.csv"), &errors);
    return 0;
}
