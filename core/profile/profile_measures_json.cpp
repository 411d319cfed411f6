#include "profile/profile_measures_json.h"

#include <cmath>
#include <QHash>
#include <QJsonArray>

#include "models/json_field_reader.h"

namespace nofade {

namespace {

// The names complexity/measure_names.h defines (kept here so that profile/ reads them alone).
const QStringList kKnownMeasures = {QStringLiteral("entropy"), QStringLiteral("si"), QStringLiteral("bpp"),
                                    QStringLiteral("id"), QStringLiteral("f1"), QStringLiteral("n1"), QStringLiteral("csg")};

QJsonValue finiteOrNull(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

// A whole number in [min, 2^53] (beyond, a JSON number is no longer exact, and converting an
// out-of-range double to an integer would be undefined).
std::int64_t wholeNumber(JsonFieldReader& r, const QString& key, double min)
{
    const double v = r.number(key);
    if (!r.ok())
        return 0;
    if (!(v >= min && v <= 9.0e15 && v == std::floor(v))) {
        r.fail(key, QStringLiteral("not a whole number >= %1").arg(min));
        return 0;
    }
    return std::int64_t(v);
}

bool holdsSomeShards(const Profile& p)
{
    return p.source.shardCount > 1 && int(p.source.shards.size()) < p.source.shardCount;
}

} // namespace

void writeProfileMeasures(const Profile& p, bool includePerImage, QJsonObject& json)
{
    if (!p.measures)
        return;
    const ProfileMeasures& m = *p.measures;
    json[QStringLiteral("measure_settings")] = QJsonObject{
        {QStringLiteral("names"), QJsonArray::fromStringList(m.settings.names)},
        {QStringLiteral("sample_per_class"), m.settings.sampleAll() ? QJsonValue(QStringLiteral("all"))
                                                                    : QJsonValue(qint64(m.settings.perClass))},
        {QStringLiteral("unlabelled_cap"), qint64(MeasureSettings::kUnlabelledCap)},
        {QStringLiteral("replicates"), m.settings.replicates},
        {QStringLiteral("seed"), qint64(m.settings.seed)}};
    QJsonObject values;
    for (const MeasureValue& v : m.values) {
        QJsonObject o{{QStringLiteral("value"), v.value ? finiteOrNull(*v.value) : QJsonValue()},
                      {QStringLiteral("interval"), v.interval ? QJsonValue(QJsonArray{v.interval->low, v.interval->high})
                                                              : QJsonValue()},
                      {QStringLiteral("sample"), qint64(v.sample)},
                      {QStringLiteral("definition"), v.definition}};
        if (!v.reason.isEmpty())
            o[QStringLiteral("reason")] = v.reason;
        if (v.replicates.size() > 1) {
            QJsonArray r;
            for (double x : v.replicates)
                r.append(finiteOrNull(x));
            o[QStringLiteral("replicates")] = r;
        }
        values[v.name] = o;
    }
    json[QStringLiteral("measures")] = values;
    const bool shard = holdsSomeShards(p);
    if ((includePerImage || shard) && !m.perImage.empty()) {
        QJsonArray per;
        for (const ImageMeasureValues& v : m.perImage)
            per.append(QJsonObject{{QStringLiteral("index"), qint64(v.index)},
                                   {QStringLiteral("si"), finiteOrNull(v.si)},
                                   {QStringLiteral("bpp"), finiteOrNull(v.bpp)}});
        json[QStringLiteral("measure_per_image")] = per;
    }
    if (shard && !m.sampleVectors.empty()) {
        QJsonArray sample;
        for (const SampleVectorRecord& r : m.sampleVectors) {
            const QByteArray pixels(reinterpret_cast<const char*>(r.pixels.data()), qsizetype(r.pixels.size()));
            sample.append(QJsonObject{
                {QStringLiteral("index"), qint64(r.index)},
                {QStringLiteral("class"), r.classIndex >= 0 && r.classIndex < int(p.classes.size())
                                              ? QJsonValue(p.classes[std::size_t(r.classIndex)].name)
                                              : QJsonValue()},
                {QStringLiteral("replicates"), qint64(r.replicates)},
                {QStringLiteral("pixels"), QString::fromLatin1(pixels.toBase64())}});
        }
        json[QStringLiteral("measure_sample")] = sample;
    }
}

bool readProfileMeasures(const QJsonObject& json, Profile& p, QString* error)
{
    if (!json.contains(QStringLiteral("measure_settings")))
        return true;
    ProfileMeasures m;
    JsonFieldReader top(json, QString(), error);
    const QJsonObject s = top.object(QStringLiteral("measure_settings"));
    JsonFieldReader rs(s, QStringLiteral("measure_settings."), error);
    m.settings.names = rs.strings(QStringLiteral("names"));
    for (const QString& name : m.settings.names)
        if (!kKnownMeasures.contains(name))
            rs.fail(QStringLiteral("names"), QStringLiteral("unknown measure \"%1\"").arg(name));
    const QJsonValue perClass = rs.value(QStringLiteral("sample_per_class"));
    if (perClass.isString() && perClass.toString() == QLatin1String("all"))
        m.settings.perClass = 0;
    else if (perClass.isDouble() && perClass.toDouble() >= 1 && perClass.toDouble() <= 9.0e15
             && perClass.toDouble() == std::floor(perClass.toDouble()))
        m.settings.perClass = std::int64_t(perClass.toDouble());
    else
        rs.fail(QStringLiteral("sample_per_class"), QStringLiteral("neither \"all\" nor a whole number >= 1"));
    const double replicates = rs.number(QStringLiteral("replicates"));
    if (rs.ok() && !(replicates >= 1 && replicates <= MeasureSettings::kMaxReplicates && replicates == std::floor(replicates)))
        rs.fail(QStringLiteral("replicates"), QStringLiteral("not a whole number from 1 to %1").arg(MeasureSettings::kMaxReplicates));
    m.settings.replicates = int(replicates);
    m.settings.seed = std::uint64_t(wholeNumber(rs, QStringLiteral("seed"), 0));

    const QJsonObject values = top.object(QStringLiteral("measures"));
    for (const QString& name : m.settings.names) {
        if (!top.ok())
            break;
        if (!values.contains(name)) {
            top.fail(QStringLiteral("measures.") + name, QStringLiteral("missing (named in measure_settings.names)"));
            break;
        }
        JsonFieldReader rv(values.value(name).toObject(), QStringLiteral("measures.%1.").arg(name), error);
        MeasureValue v;
        v.name = name;
        v.value = rv.optionalNumber(QStringLiteral("value"));
        const QJsonValue interval = rv.value(QStringLiteral("interval"));
        if (interval.isArray() && interval.toArray().size() == 2 && interval.toArray()[0].isDouble()
            && interval.toArray()[1].isDouble() && interval.toArray()[0].toDouble() <= interval.toArray()[1].toDouble())
            v.interval = Interval{interval.toArray()[0].toDouble(), interval.toArray()[1].toDouble()};
        else if (!interval.isNull())
            rv.fail(QStringLiteral("interval"), QStringLiteral("not null or [low, high] with low <= high"));
        v.sample = wholeNumber(rv, QStringLiteral("sample"), 0);
        v.definition = rv.text(QStringLiteral("definition"));
        v.reason = values.value(name).toObject().value(QStringLiteral("reason")).toString();
        for (const QJsonValue x : values.value(name).toObject().value(QStringLiteral("replicates")).toArray())
            v.replicates.push_back(x.isDouble() ? x.toDouble() : NAN);
        if (v.replicates.empty() && v.value)
            v.replicates.push_back(*v.value);
        m.values.push_back(std::move(v));
    }

    if (json.contains(QStringLiteral("measure_per_image"))) {
        const QJsonArray per = top.array(QStringLiteral("measure_per_image"));
        for (int i = 0; i < per.size() && top.ok(); ++i) {
            const QJsonObject o = per[i].toObject();
            JsonFieldReader ri(o, QStringLiteral("measure_per_image[%1].").arg(i), error);
            ImageMeasureValues v;
            v.index = wholeNumber(ri, QStringLiteral("index"), 0);
            v.si = ri.optionalNumber(QStringLiteral("si")).value_or(NAN);
            v.bpp = ri.optionalNumber(QStringLiteral("bpp")).value_or(NAN);
            m.perImage.push_back(v);
        }
    }
    if (json.contains(QStringLiteral("measure_sample"))) {
        QHash<QString, int> classIndex;
        for (int i = 0; i < int(p.classes.size()); ++i)
            classIndex.insert(p.classes[std::size_t(i)].name, i);
        const QJsonArray sample = top.array(QStringLiteral("measure_sample"));
        for (int i = 0; i < sample.size() && top.ok(); ++i) {
            const QJsonObject o = sample[i].toObject();
            JsonFieldReader ri(o, QStringLiteral("measure_sample[%1].").arg(i), error);
            SampleVectorRecord r;
            r.index = wholeNumber(ri, QStringLiteral("index"), 0);
            const QJsonValue cls = ri.value(QStringLiteral("class"));
            if (cls.isString()) {
                r.classIndex = classIndex.value(cls.toString(), -1);
                if (r.classIndex < 0)
                    ri.fail(QStringLiteral("class"), QStringLiteral("names no class of this profile"));
            }
            r.replicates = std::uint64_t(wholeNumber(ri, QStringLiteral("replicates"), 0));
            const QByteArray pixels = QByteArray::fromBase64(ri.text(QStringLiteral("pixels")).toLatin1());
            if (ri.ok() && pixels.size() != qsizetype(r.pixels.size()))
                ri.fail(QStringLiteral("pixels"), QStringLiteral("holds %1 bytes, expected %2").arg(pixels.size()).arg(r.pixels.size()));
            else
                std::copy(pixels.begin(), pixels.end(), r.pixels.begin());
            if (ri.ok() && (r.replicates >> m.settings.replicates) != 0)
                ri.fail(QStringLiteral("replicates"), QStringLiteral("names a replicate beyond measure_settings.replicates"));
            m.sampleVectors.push_back(r);
        }
    }
    if (!error->isEmpty())
        return false;
    p.measures = std::move(m);
    return true;
}

} // namespace nofade
