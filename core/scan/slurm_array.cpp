#include "scan/slurm_array.h"

#include <limits>

namespace nofade {

namespace {

constexpr char kId[] = "SLURM_ARRAY_TASK_ID";
constexpr char kMin[] = "SLURM_ARRAY_TASK_MIN";
constexpr char kMax[] = "SLURM_ARRAY_TASK_MAX";
constexpr char kCount[] = "SLURM_ARRAY_TASK_COUNT";
constexpr char kStep[] = "SLURM_ARRAY_TASK_STEP";

// A variable as a whole number >= `min`; nullopt when unset, and `error` set when malformed.
std::optional<long long> number(const QProcessEnvironment& env, const char* name, long long min, QString* error)
{
    const QString key = QString::fromLatin1(name);
    if (!env.contains(key))
        return std::nullopt;
    bool ok = false;
    const QString text = env.value(key).trimmed();
    const long long v = text.toLongLong(&ok);
    if (!ok || v < min)
        *error = QStringLiteral("--shard auto: %1=\"%2\" is not a whole number >= %3; give --shard K/N")
                     .arg(key, env.value(key), QString::number(min));
    return ok && v >= min ? std::optional<long long>(v) : std::nullopt;
}

} // namespace

std::optional<Shard> shardFromSlurmArray(const QProcessEnvironment& env, QString* error)
{
    error->clear();
    const auto id = number(env, kId, 0, error);
    if (!id) {
        if (!error->isEmpty())
            return std::nullopt;
        *error = env.contains(QStringLiteral("SLURM_JOB_ID"))
                     ? QStringLiteral("--shard auto: Slurm job %1 is not a job array (%2 is not set): submit it "
                                      "with sbatch --array=0-<N-1>, or give --shard K/N")
                           .arg(env.value(QStringLiteral("SLURM_JOB_ID")), QLatin1String(kId))
                     : QStringLiteral("--shard auto: not running in a Slurm job array (%1 is not set): submit with "
                                      "sbatch --array=0-<N-1>, or give --shard K/N").arg(QLatin1String(kId));
        return std::nullopt;
    }
    const auto min = number(env, kMin, 0, error);
    const auto max = number(env, kMax, 0, error);
    const auto givenCount = number(env, kCount, 1, error);
    const auto givenStep = number(env, kStep, 1, error);
    if (!error->isEmpty())
        return std::nullopt;
    if (!min) {
        *error = QStringLiteral("--shard auto: %1 is set but %2 is not, so the shard cannot be told; "
                                "give --shard K/N").arg(QLatin1String(kId), QLatin1String(kMin));
        return std::nullopt;
    }
    const long long step = givenStep.value_or(1);
    if (!givenCount && !max) {
        *error = QStringLiteral("--shard auto: neither %1 nor %2 is set, so the number of shards cannot be "
                                "told; give --shard K/N").arg(QLatin1String(kCount), QLatin1String(kMax));
        return std::nullopt;
    }
    // Ids MIN, MIN+STEP, ..., MAX: the only layout where every id names exactly one shard.
    const auto describe = [&] {
        return QStringLiteral("%1=%2 %3=%4 %5=%6 %7=%8 %9=%10")
            .arg(QLatin1String(kId)).arg(*id).arg(QLatin1String(kMin)).arg(*min)
            .arg(QLatin1String(kMax), max ? QString::number(*max) : QStringLiteral("unset"))
            .arg(QLatin1String(kStep)).arg(step)
            .arg(QLatin1String(kCount), givenCount ? QString::number(*givenCount) : QStringLiteral("unset"));
    };
    if (max && (*max < *min || (*max - *min) % step != 0 || (givenCount && (*max - *min) / step + 1 != *givenCount))) {
        *error = QStringLiteral("--shard auto: the array's task ids are not one evenly spaced range (%1), as with "
                                "--array=1,5,7; submit a range such as --array=0-15, or give --shard K/N")
                     .arg(describe());
        return std::nullopt;
    }
    const long long count = givenCount ? *givenCount : (*max - *min) / step + 1;
    if (*id < *min || (*id - *min) % step != 0 || (*id - *min) / step >= count) {
        *error = QStringLiteral("--shard auto: task id outside the array's range (%1)").arg(describe());
        return std::nullopt;
    }
    if (count > std::numeric_limits<int>::max()) {
        *error = QStringLiteral("--shard auto: %1 shards are too many (%2)").arg(count).arg(describe());
        return std::nullopt;
    }
    return Shard{int((*id - *min) / step), int(count)};
}

std::optional<Shard> resolveShardOption(const QString& text, const QProcessEnvironment& env, QString* error)
{
    const QString t = text.trimmed();
    if (t == QLatin1String("auto"))
        return shardFromSlurmArray(env, error);
    if (!t.startsWith(QLatin1String("auto/")))
        return Shard::parse(text, error);
    bool ok = false;
    const int count = t.mid(5).toInt(&ok);
    if (!ok || count < 1) {
        *error = QStringLiteral("--shard auto/N: N must be a whole number >= 1 (got \"%1\")").arg(text);
        return std::nullopt;
    }
    error->clear();
    const auto id = number(env, kId, 0, error);
    if (!id) {
        if (error->isEmpty())
            *error = QStringLiteral("--shard auto/%1: not running in a Slurm job array (%2 is not set)")
                         .arg(QString::number(count), QLatin1String(kId));
        return std::nullopt;
    }
    if (*id >= count) {
        *error = QStringLiteral("--shard auto/%1: %2=%3 is not a shard of %1 (0 to %4)")
                     .arg(QString::number(count), QLatin1String(kId), QString::number(*id), QString::number(count - 1));
        return std::nullopt;
    }
    return Shard{int(*id), count};
}

} // namespace nofade
