#include "profile/profile_json.h"
#include "profile/profile_json_reader.h"
#include "profile/profile_measures_json.h"

#include <cmath>
#include <QBuffer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace nofade {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonArray countsArray(const EntropyHistogram& h)
{
    QJsonArray a;
    for (std::uint64_t c : h.counts())
        a.append(static_cast<qint64>(c));
    return a;
}

QJsonObject rawMoments(const Moments& m)
{
    return QJsonObject{{QStringLiteral("count"), static_cast<qint64>(m.count())},
                       {QStringLiteral("sum_q48"), m.sumText()},
                       {QStringLiteral("sumsq_q44"), m.sumOfSquaresText()},
                       {QStringLiteral("min"), m.min()},
                       {QStringLiteral("max"), m.max()}};
}

QJsonObject summary(const Moments& m)
{
    return QJsonObject{{QStringLiteral("mean"), number(m.mean())},
                       {QStringLiteral("std"), number(m.stdDev())},
                       {QStringLiteral("min"), m.count() ? QJsonValue(m.min()) : QJsonValue()},
                       {QStringLiteral("max"), m.count() ? QJsonValue(m.max()) : QJsonValue()}};
}

QJsonObject settingsJson(const ProfileSettings& s)
{
    return QJsonObject{{QStringLiteral("gray"), grayModeName(s.gray)},
                       {QStringLiteral("bins"), s.bins},
                       {QStringLiteral("class_model"), classModelName(s.classModel)},
                       {QStringLiteral("min_class_images"), s.minClassImages},
                       {QStringLiteral("sigma_floor"), s.sigmaFloor},
                       {QStringLiteral("max_pixels"), static_cast<qint64>(s.limits.maxPixels)},
                       {QStringLiteral("fine_bins"), kFineHistogramBins},
                       {QStringLiteral("entropy_unit"), QStringLiteral("bits")}};
}

QJsonValue intervalJson(const Interval& i)
{
    return std::isfinite(i.low) && std::isfinite(i.high) ? QJsonValue(QJsonArray{i.low, i.high}) : QJsonValue();
}

QJsonValue optionalNumber(const std::optional<double>& v)
{
    return v ? number(*v) : QJsonValue();
}

QJsonObject sampleJson(const Profile& p)
{
    const SampleDesign& d = p.sample->design;
    const SampleEstimate& e = p.sample->estimate;
    QJsonArray strata;
    for (const SampleStratum& s : d.strata)
        strata.append(QJsonObject{
            {QStringLiteral("class"), s.classIndex >= 0 && s.classIndex < int(p.classes.size())
                                          ? QJsonValue(p.classes[std::size_t(s.classIndex)].name) : QJsonValue()},
            {QStringLiteral("population"), static_cast<qint64>(s.population)},
            {QStringLiteral("size"), static_cast<qint64>(s.drawn)}});
    QJsonObject js{{QStringLiteral("plug_in"), optionalNumber(e.jsPlugIn)},
                   {QStringLiteral("estimate"), optionalNumber(e.js)},
                   {QStringLiteral("ci95"), intervalJson(e.jsInterval)},
                   {QStringLiteral("rounds"), e.rounds},
                   {QStringLiteral("method"), QStringLiteral("subsample-extrapolated (bias-corrected), "
                                                             "half-sample bootstrap percentile interval")}};
    if (!e.js)
        js[QStringLiteral("reason")] = e.jsReason;
    return QJsonObject{
        {QStringLiteral("request"), d.request.toString()},
        {QStringLiteral("seed"), static_cast<qint64>(d.request.seed)},
        {QStringLiteral("bootstrap_rounds"), d.request.bootstrapRounds},
        {QStringLiteral("population"), static_cast<qint64>(d.population)},
        {QStringLiteral("size"), static_cast<qint64>(d.drawn)},
        {QStringLiteral("fraction"), d.fraction()},
        {QStringLiteral("stratified"), d.stratified},
        {QStringLiteral("strata"), strata},
        {QStringLiteral("mean"), QJsonObject{
            {QStringLiteral("estimate"), number(e.mean)},
            {QStringLiteral("standard_error"), number(e.meanStandardError)},
            {QStringLiteral("degrees_of_freedom"), number(e.meanDegreesOfFreedom)},
            {QStringLiteral("ci95"), intervalJson(e.meanInterval)},
            {QStringLiteral("method"), QStringLiteral("stratified mean, finite-population corrected t interval")}}},
        {QStringLiteral("js_complexity"), js}};
}

// Reading helpers: each names the key it failed on.
class Reader {
public:
    QString error;

    QJsonObject object(const QJsonObject& o, const QString& key, const QString& where)
    {
        const QJsonValue v = o.value(key);
        if (!v.isObject())
            fail(where + key, QStringLiteral("missing or not an object"));
        return v.toObject();
    }
    QJsonArray array(const QJsonObject& o, const QString& key, const QString& where)
    {
        const QJsonValue v = o.value(key);
        if (!v.isArray())
            fail(where + key, QStringLiteral("missing or not an array"));
        return v.toArray();
    }
    QString string(const QJsonObject& o, const QString& key, const QString& where)
    {
        const QJsonValue v = o.value(key);
        if (!v.isString())
            fail(where + key, QStringLiteral("missing or not a string"));
        return v.toString();
    }
    double real(const QJsonObject& o, const QString& key, const QString& where)
    {
        const QJsonValue v = o.value(key);
        if (!v.isDouble())
            fail(where + key, QStringLiteral("missing or not a number"));
        return v.toDouble();
    }
    qint64 integer(const QJsonObject& o, const QString& key, const QString& where, qint64 min = 0)
    {
        const QJsonValue v = o.value(key);
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > 9.0e15) {
            fail(where + key, QStringLiteral("missing or not a whole number >= %1").arg(min));
            return min;
        }
        return static_cast<qint64>(d);
    }
    bool boolean(const QJsonObject& o, const QString& key, const QString& where)
    {
        const QJsonValue v = o.value(key);
        if (!v.isBool())
            fail(where + key, QStringLiteral("missing or not true/false"));
        return v.toBool();
    }
    Moments moments(const QJsonObject& raw, const QString& where)
    {
        const qint64 count = integer(raw, QStringLiteral("count"), where);
        const QString sum = string(raw, QStringLiteral("sum_q48"), where);
        const QString sumsq = string(raw, QStringLiteral("sumsq_q44"), where);
        const double min = real(raw, QStringLiteral("min"), where);
        const double max = real(raw, QStringLiteral("max"), where);
        if (!ok())
            return {};
        const auto m = Moments::fromRaw(count, sum, sumsq, min, max);
        if (!m)
            fail(where.chopped(1), QStringLiteral("inconsistent raw moments"));
        return m.value_or(Moments{});
    }
    EntropyHistogram histogram(const QJsonArray& counts, int bins, const QString& where)
    {
        EntropyHistogram h(bins);
        if (counts.size() != bins) {
            fail(where, QStringLiteral("has %1 counts, expected %2").arg(counts.size()).arg(bins));
            return h;
        }
        for (int i = 0; i < bins; ++i) {
            const double d = counts[i].toDouble(-1);
            // The same bound as integer(): above 2^53 a JSON number is no longer an exact count
            // (and beyond 2^64 converting it would be undefined; found by fuzz_profile_json).
            if (!counts[i].isDouble() || d < 0 || d != std::floor(d) || d > 9.0e15) {
                fail(QStringLiteral("%1[%2]").arg(where).arg(i), QStringLiteral("not a count"));
                return h;
            }
            h.counts()[std::size_t(i)] = static_cast<std::uint64_t>(d);
        }
        return h;
    }
    // A number or null (NaN).
    double realOrNull(const QJsonObject& o, const QString& key, const QString& where)
    {
        const QJsonValue v = o.value(key);
        if (v.isNull())
            return NAN;
        return real(o, key, where);
    }
    std::optional<double> optionalReal(const QJsonObject& o, const QString& key, const QString& where)
    {
        const double v = realOrNull(o, key, where);
        return std::isnan(v) ? std::nullopt : std::optional<double>(v);
    }
    // [low, high] or null.
    Interval interval(const QJsonObject& o, const QString& key, const QString& where)
    {
        const QJsonValue v = o.value(key);
        if (v.isNull())
            return {};
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble() || a[0].toDouble() > a[1].toDouble()) {
            fail(where + key, QStringLiteral("not null or [low, high] with low <= high"));
            return {};
        }
        return {a[0].toDouble(), a[1].toDouble()};
    }
    void fail(const QString& where, const QString& why)
    {
        if (error.isEmpty())
            error = QStringLiteral("%1: %2").arg(where, why);
    }
    bool ok() const { return error.isEmpty(); }
};

// The optional "sample" object (profiles of a random sample; absent from older files).
ProfileSample readSample(Reader& r, const QJsonObject& o, const QHash<QString, int>& classIndex)
{
    const QString w = QStringLiteral("sample.");
    ProfileSample s;
    SampleDesign& d = s.design;
    QString error;
    const auto request = SampleRequest::parse(r.string(o, QStringLiteral("request"), w), &error);
    if (r.ok() && !request)
        r.fail(w + QStringLiteral("request"), error);
    d.request = request.value_or(SampleRequest{});
    d.request.seed = std::uint64_t(r.integer(o, QStringLiteral("seed"), w));
    d.request.bootstrapRounds = int(r.integer(o, QStringLiteral("bootstrap_rounds"), w));
    d.population = r.integer(o, QStringLiteral("population"), w);
    d.drawn = r.integer(o, QStringLiteral("size"), w);
    d.stratified = r.boolean(o, QStringLiteral("stratified"), w);
    if (r.ok() && d.drawn > d.population)
        r.fail(w + QStringLiteral("size"), QStringLiteral("larger than the population"));
    for (const QJsonValue& v : r.array(o, QStringLiteral("strata"), w)) {
        const QJsonObject so = v.toObject();
        const QString sw = w + QStringLiteral("strata[].");
        SampleStratum st;
        const QJsonValue cls = so.value(QStringLiteral("class"));
        if (cls.isString()) {
            st.classIndex = classIndex.value(cls.toString(), -1);
            if (st.classIndex < 0)
                r.fail(sw + QStringLiteral("class"), QStringLiteral("names no class of this profile"));
        }
        st.population = r.integer(so, QStringLiteral("population"), sw);
        st.drawn = r.integer(so, QStringLiteral("size"), sw);
        d.strata.push_back(st);
    }
    SampleEstimate& e = s.estimate;
    const QJsonObject mean = r.object(o, QStringLiteral("mean"), w);
    const QString mw = w + QStringLiteral("mean.");
    e.mean = r.realOrNull(mean, QStringLiteral("estimate"), mw);
    e.meanStandardError = r.realOrNull(mean, QStringLiteral("standard_error"), mw);
    e.meanDegreesOfFreedom = r.realOrNull(mean, QStringLiteral("degrees_of_freedom"), mw);
    e.meanInterval = r.interval(mean, QStringLiteral("ci95"), mw);
    const QJsonObject js = r.object(o, QStringLiteral("js_complexity"), w);
    const QString jw = w + QStringLiteral("js_complexity.");
    e.jsPlugIn = r.optionalReal(js, QStringLiteral("plug_in"), jw);
    e.js = r.optionalReal(js, QStringLiteral("estimate"), jw);
    e.jsInterval = r.interval(js, QStringLiteral("ci95"), jw);
    e.rounds = int(r.integer(js, QStringLiteral("rounds"), jw));
    e.jsReason = js.value(QStringLiteral("reason")).toString();
    return s;
}

QJsonObject perImageRowJson(const Profile& p, const ImageEntropy& e)
{
    QJsonObject o{{QStringLiteral("index"), static_cast<qint64>(e.index)},
                  {QStringLiteral("path"), e.path},
                  {QStringLiteral("class"), e.classIndex >= 0 && std::size_t(e.classIndex) < p.classes.size()
                                                ? QJsonValue(p.classes[std::size_t(e.classIndex)].name)
                                                : QJsonValue()},
                  {QStringLiteral("entropy"), e.entropy}};
    if (e.pathEscaped)
        o[QStringLiteral("path_escaped")] = true;
    return o;
}

QJsonObject profileJson(const Profile& p, const JsdSummary& jsd, bool includePerImage, bool rowsToo);

QJsonObject pairJson(const Profile& p, const JsdPair& pair)
{
    return QJsonObject{{QStringLiteral("a"), p.classes[std::size_t(pair.a)].name},
                       {QStringLiteral("b"), p.classes[std::size_t(pair.b)].name},
                       {QStringLiteral("distance"), pair.distance}};
}

} // namespace

QJsonObject profileToJson(const Profile& p, bool includePerImage)
{
    return profileJson(p, p.jsd(), includePerImage, true);
}

namespace {

// `rowsToo` false: jsd.pairs and per_image (when written) are empty arrays, for writeProfileJson
// to fill.
QJsonObject profileJson(const Profile& p, const JsdSummary& jsd, bool includePerImage, bool rowsToo)
{
    QJsonObject json;
    json[QStringLiteral("schema")] = QString::fromLatin1(kProfileSchema);
    json[QStringLiteral("generator")] = QStringLiteral("nofade " NOFADE_VERSION);
    json[QStringLiteral("settings")] = settingsJson(p.settings);

    QJsonArray shards;
    for (int s : p.source.shards)
        shards.append(s);
    json[QStringLiteral("source")] = QJsonObject{
        {QStringLiteral("path"), p.source.path},
        {QStringLiteral("format"), datasetFormatName(p.source.format)},
        {QStringLiteral("items"), static_cast<qint64>(p.source.items)},
        {QStringLiteral("shard_count"), p.source.shardCount},
        {QStringLiteral("shards"), shards}};
    if (!p.source.notice.isEmpty()) {
        QJsonObject src = json[QStringLiteral("source")].toObject();
        src[QStringLiteral("notice")] = p.source.notice;
        json[QStringLiteral("source")] = src;
    }

    json[QStringLiteral("images")] = static_cast<qint64>(p.images());
    json[QStringLiteral("unlabelled")] = static_cast<qint64>(p.unlabelledImages());
    json[QStringLiteral("complete")] = p.complete;
    json[QStringLiteral("labelled")] = p.labelled();

    QJsonArray failed;
    for (const FailedItem& f : p.failed)
        failed.append(QJsonObject{{QStringLiteral("path"), f.path},
                                  {QStringLiteral("reason"), f.reason},
                                  {QStringLiteral("index"), static_cast<qint64>(f.index)},
                                  {QStringLiteral("items"), static_cast<qint64>(f.items)}});
    json[QStringLiteral("failed")] = failed;
    json[QStringLiteral("failed_items")] = static_cast<qint64>(p.failedItems());

    QJsonObject entropy = summary(p.moments);
    entropy[QStringLiteral("median")] = number(p.median());
    entropy[QStringLiteral("q1")] = number(p.quantile(0.25));
    entropy[QStringLiteral("q3")] = number(p.quantile(0.75));
    entropy[QStringLiteral("quantile_resolution")] = p.fine.binWidth();
    entropy[QStringLiteral("histogram")] = QJsonObject{
        {QStringLiteral("range"), QJsonArray{0.0, kMaxEntropyBits}},
        {QStringLiteral("bins"), p.fine.bins()},
        {QStringLiteral("counts"), countsArray(p.fine)}};
    entropy[QStringLiteral("raw")] = rawMoments(p.moments);
    json[QStringLiteral("entropy")] = entropy;

    QJsonArray classes;
    for (const ClassProfile& c : p.classes) {
        QJsonObject o = summary(c.moments);
        o[QStringLiteral("name")] = c.name;
        o[QStringLiteral("images")] = static_cast<qint64>(c.moments.count());
        o[QStringLiteral("histogram")] = countsArray(c.histogram);
        o[QStringLiteral("raw")] = rawMoments(c.moments);
        classes.append(o);
    }
    json[QStringLiteral("classes")] = classes;

    QJsonArray pairs;
    if (rowsToo)
        for (const JsdPair& pair : jsd.pairs)
            pairs.append(pairJson(p, pair));
    QJsonObject jsdJson{{QStringLiteral("model"), classModelName(p.settings.classModel)},
                        {QStringLiteral("base"), 2},
                        {QStringLiteral("pairs"), pairs},
                        {QStringLiteral("sum"), jsd.sum},
                        {QStringLiteral("complexity"), jsd.complexity ? QJsonValue(*jsd.complexity) : QJsonValue()}};
    if (!jsd.complexity)
        jsdJson[QStringLiteral("reason")] = jsd.reason;
    if (const QString note = negativeComplexityReason(jsd); !note.isEmpty())
        jsdJson[QStringLiteral("note")] = note;
    json[QStringLiteral("jsd")] = jsdJson;
    json[QStringLiteral("complexity")] = QJsonObject{
        {QStringLiteral("entropy"), number(p.entropyComplexity())},
        {QStringLiteral("js"), jsd.complexity ? QJsonValue(*jsd.complexity) : QJsonValue()}};

    if (p.sample)
        json[QStringLiteral("sample")] = sampleJson(p);

    if (includePerImage || p.sample) { // a sample keeps its images: an exact scan completes it
        QJsonArray perImage;
        if (rowsToo)
            for (const ImageEntropy& e : p.perImage)
                perImage.append(perImageRowJson(p, e));
        json[QStringLiteral("per_image")] = perImage;
    }
    writeProfileMeasures(p, includePerImage, json);
    return json;
}

} // namespace

QByteArray profileToJsonBytes(const Profile& profile, bool includePerImage)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writeProfileJson(buffer, profile, includePerImage, {});
    return bytes;
}

bool writeProfileJson(QIODevice& out, const Profile& profile, bool includePerImage,
                      const std::function<bool(ImageEntropy&)>& moreRows)
{
    // The document is made with the two arrays that grow with the dataset empty - the class pairs
    // (n(n-1)/2 of them: 500,000 for 1,000 classes) and the per-image rows - and their rows are
    // written into their places (keys are in name order: jsd.pairs comes first) one at a time,
    // indented as QJsonDocument would.
    const JsdSummary jsd = profile.jsd();
    const bool rows = includePerImage || profile.sample;
    const QByteArray text =
        QJsonDocument(profileJson(profile, jsd, rows, false)).toJson(QJsonDocument::Indented);
    bool ok = true;
    qsizetype done = 0;
    QByteArray line;
    // Writes the text up to the empty array `marker`, then the objects next() gives.
    const auto streamArray = [&](const QByteArray& marker, int depth, const std::function<bool(QJsonObject&)>& next) {
        const qsizetype at = text.indexOf(marker, done);
        if (at < 0)
            return;
        const qsizetype end = at + marker.size();
        ok = ok && out.write(text.constData() + done, end - done) == end - done;
        done = end;
        const QByteArray indent(4 * depth, ' ');
        bool first = true;
        QJsonObject o;
        while (ok && next(o)) {
            const QByteArray object = QJsonDocument(o).toJson(QJsonDocument::Indented);
            line.clear();
            if (!first)
                line += ",\n";
            first = false;
            for (qsizetype start = 0; start < object.size();) {
                qsizetype stop = object.indexOf('\n', start);
                if (stop < 0)
                    stop = object.size();
                if (start > 0)
                    line += '\n';
                line += indent;
                line.append(object.constData() + start, stop - start);
                start = stop + 1;
            }
            ok = out.write(line) == line.size();
        }
        if (!first)
            ok = ok && out.write("\n") == 1;
    };
    std::size_t pair = 0;
    streamArray(QByteArrayLiteral("        \"pairs\": [\n"), 3, [&](QJsonObject& o) {
        if (pair >= jsd.pairs.size())
            return false;
        o = pairJson(profile, jsd.pairs[pair++]);
        return true;
    });
    if (rows) {
        std::size_t kept = 0;
        ImageEntropy more;
        streamArray(QByteArrayLiteral("    \"per_image\": [\n"), 2, [&](QJsonObject& o) {
            if (kept < profile.perImage.size()) {
                o = perImageRowJson(profile, profile.perImage[kept++]);
                return true;
            }
            if (!moreRows || !moreRows(more))
                return false;
            o = perImageRowJson(profile, more);
            return true;
        });
    }
    return ok && out.write(text.constData() + done, text.size() - done) == text.size() - done;
}

std::optional<Profile> profileFromJson(const QJsonObject& json, QString* error)
{
    Reader r;
    const QString schema = json.value(QStringLiteral("schema")).toString();
    if (schema != QLatin1String(kProfileSchema)) {
        *error = schema.startsWith(QLatin1String("nofade.profile/"))
                     ? QStringLiteral("schema: %1 is newer than this version reads (%2)").arg(schema, kProfileSchema)
                     : QStringLiteral("schema: not a NoFADE profile (expected \"%1\")").arg(kProfileSchema);
        return std::nullopt;
    }
    Profile p;
    const QJsonObject s = r.object(json, QStringLiteral("settings"), QString());
    const auto gray = grayModeFromName(s.value(QStringLiteral("gray")).toString());
    const auto model = classModelFromName(s.value(QStringLiteral("class_model")).toString());
    if (!gray)
        r.fail(QStringLiteral("settings.gray"), QStringLiteral("must be \"exact\" or \"fast\""));
    if (!model)
        r.fail(QStringLiteral("settings.class_model"), QStringLiteral("must be \"histogram\" or \"gaussian\""));
    p.settings.gray = gray.value_or(GrayMode::Exact);
    p.settings.classModel = model.value_or(ClassModel::Histogram);
    p.settings.bins = int(r.integer(s, QStringLiteral("bins"), QStringLiteral("settings."), 1));
    p.settings.minClassImages = int(r.integer(s, QStringLiteral("min_class_images"), QStringLiteral("settings."), 1));
    p.settings.sigmaFloor = r.real(s, QStringLiteral("sigma_floor"), QStringLiteral("settings."));
    p.settings.limits.maxPixels = r.integer(s, QStringLiteral("max_pixels"), QStringLiteral("settings."), 1);
    if (r.ok() && r.integer(s, QStringLiteral("fine_bins"), QStringLiteral("settings."), 1) != kFineHistogramBins)
        r.fail(QStringLiteral("settings.fine_bins"), QStringLiteral("must be %1").arg(kFineHistogramBins));
    if (r.ok() && !p.settings.validate().isEmpty())
        r.fail(QStringLiteral("settings"), p.settings.validate());

    const QJsonObject src = r.object(json, QStringLiteral("source"), QString());
    p.source.path = r.string(src, QStringLiteral("path"), QStringLiteral("source."));
    const auto format = datasetFormatFromName(src.value(QStringLiteral("format")).toString());
    if (!format || *format == DatasetFormat::Auto)
        r.fail(QStringLiteral("source.format"), QStringLiteral("must be folder, idx or cifar"));
    p.source.format = format.value_or(DatasetFormat::Folder);
    p.source.items = r.integer(src, QStringLiteral("items"), QStringLiteral("source."));
    p.source.shardCount = int(r.integer(src, QStringLiteral("shard_count"), QStringLiteral("source."), 1));
    p.source.notice = src.value(QStringLiteral("notice")).toString();
    p.source.shards.clear();
    for (const QJsonValue& v : r.array(src, QStringLiteral("shards"), QStringLiteral("source."))) {
        const int shard = v.toInt(-1);
        if (shard < 0 || shard >= p.source.shardCount)
            r.fail(QStringLiteral("source.shards"), QStringLiteral("shard index out of range"));
        p.source.shards.push_back(shard);
    }
    p.complete = r.boolean(json, QStringLiteral("complete"), QString());

    for (const QJsonValue& v : r.array(json, QStringLiteral("failed"), QString())) {
        const QJsonObject f = v.toObject();
        p.failed.push_back({r.string(f, QStringLiteral("path"), QStringLiteral("failed[].")),
                            r.string(f, QStringLiteral("reason"), QStringLiteral("failed[].")),
                            r.integer(f, QStringLiteral("index"), QStringLiteral("failed[]."), -1),
                            r.integer(f, QStringLiteral("items"), QStringLiteral("failed[]."), 1)});
    }

    const QJsonObject entropy = r.object(json, QStringLiteral("entropy"), QString());
    p.moments = r.moments(r.object(entropy, QStringLiteral("raw"), QStringLiteral("entropy.")),
                          QStringLiteral("entropy.raw."));
    const QJsonObject hist = r.object(entropy, QStringLiteral("histogram"), QStringLiteral("entropy."));
    p.fine = r.histogram(r.array(hist, QStringLiteral("counts"), QStringLiteral("entropy.histogram.")),
                         kFineHistogramBins, QStringLiteral("entropy.histogram.counts"));
    if (r.ok() && p.fine.total() != std::uint64_t(p.moments.count()))
        r.fail(QStringLiteral("entropy.histogram.counts"),
               QStringLiteral("sum to %1 but raw.count is %2").arg(p.fine.total()).arg(p.moments.count()));

    const QJsonArray classes = r.array(json, QStringLiteral("classes"), QString());
    for (int i = 0; i < classes.size() && r.ok(); ++i) {
        const QJsonObject c = classes[i].toObject();
        const QString where = QStringLiteral("classes[%1].").arg(i);
        ClassProfile cp;
        cp.name = r.string(c, QStringLiteral("name"), where);
        cp.moments = r.moments(r.object(c, QStringLiteral("raw"), where), where + QStringLiteral("raw."));
        cp.histogram = r.histogram(r.array(c, QStringLiteral("histogram"), where), p.settings.bins,
                                   where + QStringLiteral("histogram"));
        if (r.ok() && cp.histogram.total() != std::uint64_t(cp.moments.count()))
            r.fail(where + QStringLiteral("histogram"), QStringLiteral("counts disagree with raw.count"));
        p.classes.push_back(std::move(cp));
    }

    QHash<QString, int> classIndex;
    for (int i = 0; i < int(p.classes.size()); ++i)
        classIndex.insert(p.classes[std::size_t(i)].name, i);
    if (json.contains(QStringLiteral("sample")) && r.ok())
        p.sample = readSample(r, r.object(json, QStringLiteral("sample"), QString()), classIndex);
    if (json.contains(QStringLiteral("per_image"))) {
        const QJsonArray per = r.array(json, QStringLiteral("per_image"), QString());
        p.perImage.reserve(std::size_t(per.size()));
        for (int i = 0; i < per.size() && r.ok(); ++i) {
            const QJsonObject e = per[i].toObject();
            const QString where = QStringLiteral("per_image[%1].").arg(i);
            ImageEntropy img;
            img.index = r.integer(e, QStringLiteral("index"), where);
            img.path = r.string(e, QStringLiteral("path"), where);
            img.pathEscaped = e.value(QStringLiteral("path_escaped")).toBool(false);
            img.entropy = r.real(e, QStringLiteral("entropy"), where);
            const QJsonValue cls = e.value(QStringLiteral("class"));
            if (cls.isString()) {
                img.classIndex = classIndex.value(cls.toString(), -1);
                if (img.classIndex < 0)
                    r.fail(where + QStringLiteral("class"), QStringLiteral("names no class of this profile"));
            }
            p.perImage.push_back(std::move(img));
        }
    }
    if (!r.ok()) {
        *error = r.error;
        return std::nullopt;
    }
    if (!readProfileMeasures(json, p, error))
        return std::nullopt;
    return p;
}

std::optional<Profile> profileFromJsonBytes(const QByteArray& bytes, QString* error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readProfileJson(buffer, error);
}

} // namespace nofade
