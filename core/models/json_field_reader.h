#pragma once
// Reads the keys of one JSON object for the readers of versioned files (report, session): each
// getter checks that the key is there and of the right type, and the first problem is kept as
// "<path><key>: <reason>", so that an error names its place in the file.
#include <optional>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace nofade {

class JsonFieldReader {
public:
    JsonFieldReader(const QJsonObject& o, QString path, QString* error) : m_o(o), m_path(std::move(path)), m_error(error) {}

    bool ok() const { return m_error->isEmpty(); }

    void fail(const QString& key, const QString& reason)
    {
        if (m_error->isEmpty())
            *m_error = QStringLiteral("%1%2: %3").arg(m_path, key, reason);
    }

    QJsonValue value(const QString& key)
    {
        if (!m_o.contains(key))
            fail(key, QStringLiteral("missing"));
        return m_o.value(key);
    }

    double number(const QString& key)
    {
        const QJsonValue v = value(key);
        if (!v.isDouble())
            fail(key, QStringLiteral("not a number"));
        return v.toDouble();
    }

    std::optional<double> optionalNumber(const QString& key, QString* reason = nullptr)
    {
        const QJsonValue v = value(key);
        if (v.isNull()) {
            if (reason)
                *reason = m_o.value(key + QStringLiteral("_reason")).toString();
            return std::nullopt;
        }
        if (!v.isDouble())
            fail(key, QStringLiteral("neither a number nor null"));
        return v.toDouble();
    }

    QString text(const QString& key, bool nullable = false)
    {
        const QJsonValue v = value(key);
        if (nullable && v.isNull())
            return {};
        if (!v.isString())
            fail(key, QStringLiteral("not a string"));
        return v.toString();
    }

    // Empty when the key is absent (a key added in a later version of the file).
    QString optionalText(const QString& key) { return m_o.contains(key) ? text(key) : QString(); }

    bool boolean(const QString& key)
    {
        const QJsonValue v = value(key);
        if (!v.isBool())
            fail(key, QStringLiteral("not true or false"));
        return v.toBool();
    }

    QJsonArray array(const QString& key)
    {
        const QJsonValue v = value(key);
        if (!v.isArray())
            fail(key, QStringLiteral("not a list"));
        return v.toArray();
    }

    QJsonObject object(const QString& key)
    {
        const QJsonValue v = value(key);
        if (!v.isObject())
            fail(key, QStringLiteral("not an object"));
        return v.toObject();
    }

    QStringList strings(const QString& key)
    {
        QStringList out;
        for (const QJsonValue v : value(key).toArray())
            out << v.toString();
        return out;
    }

    template <typename T>
    T parsed(const QString& key, std::optional<T> (*parse)(const QString&), const T& fallback = T{})
    {
        const auto v = parse(text(key));
        if (!v) {
            fail(key, QStringLiteral("unknown value \"%1\"").arg(m_o.value(key).toString()));
            return fallback;
        }
        return *v;
    }

private:
    QJsonObject m_o;
    QString m_path;
    QString* m_error;
};

} // namespace nofade
