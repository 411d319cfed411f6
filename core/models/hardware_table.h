#pragma once
// Accelerators and CPUs with their TDP and peak throughput (resources/hardware.csv), plus the
// user's own devices from a file in the app data folder that overrides the bundled rows.
// Names match case- and space-insensitively, and through each row's aliases.
#include <optional>
#include <vector>
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace nofade {

struct Device {
    QString name;
    QString kind;                          // gpu | tpu | cpu
    double tdpWatts = 0.0;
    std::optional<double> peakFp32Tflops;  // dense FP32 peak, TFLOP/s
    std::optional<double> peakTensorTflops;
    std::optional<double> memoryGb;
    QStringList aliases;
    QString source;
    QString notes;
    QString origin;                        // the file the row was read from

    std::optional<double> peakFlopsPerSecond() const
    {
        if (!peakFp32Tflops)
            return std::nullopt;
        return *peakFp32Tflops * 1e12;
    }
};

class HardwareTable {
public:
    // Reads a hardware CSV (columns: name, kind, tdp_watts, peak_tflops_fp32, peak_tflops_tensor,
    // memory_gb, aliases (separated by ';'), source, notes). Bad rows are skipped with a message
    // in `errors` naming the file, row, column and reason.
    static HardwareTable fromCsv(const QByteArray& bytes, const QString& origin, QStringList* errors);

    // The user's rows replace bundled rows of the same name or alias; new ones are added.
    void overrideWith(const HardwareTable& user);

    const Device* find(const QString& nameOrAlias) const;
    const std::vector<Device>& devices() const { return m_devices; }

private:
    // Replaces the device sharing a name or alias with `device`, or appends it.
    void upsert(const Device& device);
    void reindex();

    std::vector<Device> m_devices;
    QHash<QString, int> m_index; // nameKey -> device
};

// <AppDataLocation>/hardware.csv: where a user's own devices live.
QString userHardwareFile();

// The bundled table overridden by `userFile` (default userHardwareFile()) when it exists.
HardwareTable loadHardwareTable(QStringList* errors, const QString& userFile = QString());

} // namespace nofade
