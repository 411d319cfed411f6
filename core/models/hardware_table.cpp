#include "models/hardware_table.h"

#include <QFile>
#include <QStandardPaths>

#include "models/bundled_data.h"
#include "models/csv_table.h"
#include "models/text_values.h"

namespace nofade {

namespace {

const QStringList kKinds{QStringLiteral("gpu"), QStringLiteral("tpu"), QStringLiteral("cpu")};

} // namespace

HardwareTable HardwareTable::fromCsv(const QByteArray& bytes, const QString& origin, QStringList* errors)
{
    HardwareTable table;
    const CsvTable csv(parseCsv(bytes));
    for (const CsvProblem& p : csv.document().problems)
        errors->append(QStringLiteral("%1: line %2: %3").arg(origin).arg(p.line).arg(p.reason));
    for (const char* required : {"name", "tdp_watts"}) {
        if (csv.column(QString::fromLatin1(required)) < 0) {
            errors->append(QStringLiteral("%1: the header has no \"%2\" column").arg(origin, QLatin1String(required)));
            return table;
        }
    }
    for (int r = 0; r < csv.dataRecords().size(); ++r) {
        auto text = [&](const char* column) { return csv.value(r, QString::fromLatin1(column)).value_or(QString()).trimmed(); };
        bool ok = true;
        auto fail = [&](const char* column, const QString& reason) {
            errors->append(cellMessage(origin, r, csv.line(r), QString::fromLatin1(column), reason));
            ok = false;
        };
        auto positive = [&](const char* column, bool required) -> std::optional<double> {
            const QString t = text(column);
            if (t.isEmpty()) {
                if (required)
                    fail(column, QStringLiteral("is empty"));
                return std::nullopt;
            }
            const auto v = parseNumber(t);
            if (!v) {
                fail(column, QStringLiteral("\"%1\" is not a number").arg(t));
                return std::nullopt;
            }
            if (*v <= 0) {
                fail(column, QStringLiteral("%1 is not positive").arg(t));
                return std::nullopt;
            }
            return v;
        };
        Device d;
        d.name = text("name");
        if (d.name.isEmpty())
            fail("name", QStringLiteral("is empty"));
        d.kind = text("kind").toLower();
        if (!d.kind.isEmpty() && !kKinds.contains(d.kind))
            fail("kind", QStringLiteral("\"%1\" is not one of gpu, tpu, cpu").arg(d.kind));
        d.tdpWatts = positive("tdp_watts", true).value_or(0.0);
        d.peakFp32Tflops = positive("peak_tflops_fp32", false);
        d.peakTensorTflops = positive("peak_tflops_tensor", false);
        d.memoryGb = positive("memory_gb", false);
        for (const QString& alias : text("aliases").split(QLatin1Char(';'), Qt::SkipEmptyParts))
            if (!alias.trimmed().isEmpty())
                d.aliases << alias.trimmed();
        d.source = text("source");
        d.notes = text("notes");
        d.origin = origin;
        if (ok)
            table.upsert(d);
    }
    return table;
}

void HardwareTable::upsert(const Device& device)
{
    const Device* existing = find(device.name);
    for (int a = 0; !existing && a < device.aliases.size(); ++a)
        existing = find(device.aliases.at(a));
    if (existing)
        m_devices[std::size_t(existing - m_devices.data())] = device;
    else
        m_devices.push_back(device);
    reindex();
}

void HardwareTable::reindex()
{
    m_index.clear();
    // Aliases first, so a device's own name wins over another device's alias.
    for (int i = 0; i < int(m_devices.size()); ++i)
        for (const QString& alias : m_devices[std::size_t(i)].aliases)
            m_index.insert(nameKey(alias), i);
    for (int i = 0; i < int(m_devices.size()); ++i)
        m_index.insert(nameKey(m_devices[std::size_t(i)].name), i);
}

void HardwareTable::overrideWith(const HardwareTable& user)
{
    for (const Device& d : user.m_devices)
        upsert(d);
}

const Device* HardwareTable::find(const QString& nameOrAlias) const
{
    const auto it = m_index.constFind(nameKey(nameOrAlias));
    return it == m_index.cend() ? nullptr : &m_devices[std::size_t(*it)];
}

QString userHardwareFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/hardware.csv");
}

HardwareTable loadHardwareTable(QStringList* errors, const QString& userFile)
{
    HardwareTable table = HardwareTable::fromCsv(bundledHardwareCsv(), QStringLiteral("bundled hardware.csv"), errors);
    const QString path = userFile.isEmpty() ? userHardwareFile() : userFile;
    if (path.isEmpty() || !QFile::exists(path))
        return table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return table;
    }
    table.overrideWith(HardwareTable::fromCsv(file.readAll(), path, errors));
    return table;
}

} // namespace nofade
