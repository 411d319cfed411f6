#include "scan_cache_probe.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace nofade::test {

QStringList cachedPaths(const QString& cacheFile)
{
    QStringList paths;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(cacheFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT path FROM items")))
                while (q.next())
                    paths << q.value(0).toString().mid(2); // drop the "u:" marker
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    return paths;
}

bool spoilKeepingStamp(const QString& path)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat st {};
    if (::stat(name.constData(), &st) != 0)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || f.write(QByteArray(qsizetype(st.st_size), '\0')) != st.st_size)
        return false;
    f.close();
    const timespec times[2] = {st.st_atim, st.st_mtim};
    return ::utimensat(AT_FDCWD, name.constData(), times, 0) == 0;
}

} // namespace nofade::test
