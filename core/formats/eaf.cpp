// ELAN annotation documents (.eaf, EAF 2.x/3.x XML). Each time-aligned annotation becomes a
// segment of the class its value names; tiers are named "<track> <modality>" ("LLP audio"), and a
// tier without a modality in its name is heard and seen unless --modality says otherwise. Times
// are milliseconds (ELAN's unit). The media file named in the header is the video, when the
// library knows it. Reference annotations (on symbolic tiers) have no times of their own and
// unaligned time slots no time: both are bad rows. Overlapping segments go to extra tiers
// "LLP audio (2)", ... (an ELAN tier holds no overlaps).

#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QUrl>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace earmark::formats::internal {

using annotation::Modality;

namespace {

struct RawAnnotation
{
    QString tier;
    QString ref1;
    QString ref2;
    QString value;
    QString id;
    int line = 0;
    bool reference = false;
};

QString mediaPath(const QString &url, const QString &eafPath)
{
    if (url.isEmpty())
        return QString();
    const QUrl u(url);
    QString local = u.isLocalFile() ? u.toLocalFile() : (u.scheme().isEmpty() ? url : QString());
    if (local.isEmpty())
        return QString();
    if (QFileInfo(local).isRelative())
        local = QFileInfo(eafPath).dir().filePath(local);
    return QFileInfo(local).absoluteFilePath();
}

Result<Dataset> readOne(const QString &path, const ReadOptions &options)
{
    QFile f(path);
    if (!f.exists())
        return Error(QStringLiteral("the file does not exist"), path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the file: %1").arg(f.errorString()), path);
    QXmlStreamReader xml(&f);
    QHash<QString, std::optional<Time>> slots;
    QList<RawAnnotation> raw;
    QString media, tier;
    bool root = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        const auto attrs = xml.attributes();
        if (!root) {
            if (name != QLatin1String("ANNOTATION_DOCUMENT"))
                return Error(QStringLiteral("not an ELAN file (the root element is <%1>, not "
                                            "<ANNOTATION_DOCUMENT>)")
                                 .arg(name),
                             path,
                             int(xml.lineNumber()));
            root = true;
        } else if (name == QLatin1String("HEADER")) {
            const QString units = attrs.value(QLatin1String("TIME_UNITS")).toString();
            if (!units.isEmpty() && units != QLatin1String("milliseconds"))
                return Error(QStringLiteral("time units \"%1\" are not supported (milliseconds "
                                            "are)")
                                 .arg(units),
                             path,
                             int(xml.lineNumber()));
        } else if (name == QLatin1String("MEDIA_DESCRIPTOR") && media.isEmpty()) {
            media = mediaPath(attrs.value(QLatin1String("MEDIA_URL")).toString(), path);
            if (media.isEmpty())
                media = mediaPath(attrs.value(QLatin1String("RELATIVE_MEDIA_URL")).toString(), path);
        } else if (name == QLatin1String("TIME_SLOT")) {
            const QString id = attrs.value(QLatin1String("TIME_SLOT_ID")).toString();
            if (attrs.hasAttribute(QLatin1String("TIME_VALUE"))) {
                bool ok = false;
                const qint64 ms = attrs.value(QLatin1String("TIME_VALUE")).toLongLong(&ok);
                slots.insert(id,
                             ok && ms >= 0 ? std::optional<Time>(Time::fromMilliseconds(ms))
                                           : std::nullopt);
            } else {
                slots.insert(id, std::nullopt);
            }
        } else if (name == QLatin1String("TIER")) {
            tier = attrs.value(QLatin1String("TIER_ID")).toString();
        } else if (name == QLatin1String("ALIGNABLE_ANNOTATION")
                   || name == QLatin1String("REF_ANNOTATION")) {
            RawAnnotation a;
            a.tier = tier;
            a.line = int(xml.lineNumber());
            a.id = attrs.value(QLatin1String("ANNOTATION_ID")).toString();
            a.reference = name == QLatin1String("REF_ANNOTATION");
            a.ref1 = attrs.value(QLatin1String("TIME_SLOT_REF1")).toString();
            a.ref2 = attrs.value(QLatin1String("TIME_SLOT_REF2")).toString();
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("ANNOTATION_VALUE"))
                    a.value = xml.readElementText();
                else if (xml.isEndElement() && xml.name() == name)
                    break;
            }
            raw.append(a);
        }
    }
    if (xml.hasError())
        return Error(QStringLiteral("the XML is not well-formed: %1").arg(xml.errorString()),
                     path,
                     int(xml.lineNumber()));
    if (!root)
        return Error(QStringLiteral("not an ELAN file (no <ANNOTATION_DOCUMENT>)"), path);

    Dataset data;
    RowChecker rows(path, options, data);
    QString video = options.video;
    if (video.isEmpty())
        video = media.isEmpty() ? QFileInfo(path).completeBaseName()
                                : QFileInfo(media).completeBaseName();
    DatasetVideo &v = data.video(video);
    v.path = media;
    const QString labelSet = options.labelSet.isEmpty() ? annotation::llpLabelSetName()
                                                        : options.labelSet;
    for (const RawAnnotation &a : std::as_const(raw)) {
        const QString text = QStringLiteral("<%1 ANNOTATION_ID=\"%2\"> %3")
                                 .arg(a.reference ? QStringLiteral("REF_ANNOTATION")
                                                  : QStringLiteral("ALIGNABLE_ANNOTATION"),
                                      a.id,
                                      a.value);
        QString problem;
        std::optional<Time> start, end;
        const QString value = a.value.trimmed();
        if (a.reference) {
            problem = QStringLiteral("annotation %1 on tier \"%2\" refers to another annotation "
                                     "and has no times of its own")
                          .arg(a.id, a.tier);
        } else {
            start = slots.value(a.ref1);
            end = slots.value(a.ref2);
            if (!start || !end)
                problem = QStringLiteral("annotation %1 on tier \"%2\" uses a time slot without "
                                         "a time")
                              .arg(a.id, a.tier);
            else if (!(*start < *end))
                problem = QStringLiteral("annotation %1 ends before it starts").arg(a.id);
            else if (value.isEmpty())
                problem = QStringLiteral("annotation %1 has no value").arg(a.id);
            else if (!rows.knowsClass(labelSet, value))
                problem = RowChecker::unknownClass(labelSet, value);
        }
        if (!problem.isEmpty()) {
            if (!rows.bad(a.line, text, problem, video))
                return rows.error();
            continue;
        }
        const TierName tierName = parseTierName(a.tier);
        DatasetSegment s;
        s.video = video;
        s.track = options.track.isEmpty() ? tierName.track : options.track;
        s.labelSet = labelSet;
        s.label = value;
        s.modality = tierName.modality.value_or(options.modality.value_or(Modality::AudioVisual));
        s.onset = *start;
        s.offset = *end;
        s.line = a.line;
        data.segments.append(s);
    }
    return data;
}

QByteArray writeOne(const Dataset &data, const QString &)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(4);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("ANNOTATION_DOCUMENT"));
    xml.writeAttribute(QStringLiteral("AUTHOR"), QStringLiteral("Earmark"));
    xml.writeAttribute(QStringLiteral("DATE"),
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    xml.writeAttribute(QStringLiteral("FORMAT"), QStringLiteral("3.0"));
    xml.writeAttribute(QStringLiteral("VERSION"), QStringLiteral("3.0"));
    xml.writeAttribute(QStringLiteral("xmlns:xsi"),
                       QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    xml.writeAttribute(QStringLiteral("xsi:noNamespaceSchemaLocation"),
                       QStringLiteral("http://www.mpi.nl/tools/elan/EAFv3.0.xsd"));
    xml.writeStartElement(QStringLiteral("HEADER"));
    xml.writeAttribute(QStringLiteral("MEDIA_FILE"), QString());
    xml.writeAttribute(QStringLiteral("TIME_UNITS"), QStringLiteral("milliseconds"));
    const QString media = data.videos.isEmpty() ? QString() : data.videos.constFirst().path;
    if (!media.isEmpty()) {
        xml.writeEmptyElement(QStringLiteral("MEDIA_DESCRIPTOR"));
        xml.writeAttribute(QStringLiteral("MEDIA_URL"), QUrl::fromLocalFile(media).toString());
        const QString suffix = QFileInfo(media).suffix().toLower();
        xml.writeAttribute(QStringLiteral("MIME_TYPE"),
                           suffix == QLatin1String("wav") ? QStringLiteral("audio/x-wav")
                                                          : QStringLiteral("video/") + suffix);
    }
    xml.writeStartElement(QStringLiteral("PROPERTY"));
    xml.writeAttribute(QStringLiteral("NAME"), QStringLiteral("lastUsedAnnotationId"));
    xml.writeCharacters(QString::number(data.segments.size()));
    xml.writeEndElement();
    xml.writeEndElement(); // HEADER

    // Tiers per track and modality, lanes against overlaps; two time slots per annotation.
    QList<QPair<QString, Modality>> keys;
    QList<QList<const DatasetSegment *>> groups;
    for (const DatasetSegment &s : data.segments) {
        const QPair<QString, Modality> key{s.track, s.modality};
        qsizetype at = keys.indexOf(key);
        if (at < 0) {
            at = keys.size();
            keys.append(key);
            groups.append(QList<const DatasetSegment *>());
        }
        groups[at].append(&s);
    }
    struct Annotation
    {
        const DatasetSegment *segment;
        int slot1, slot2;
    };
    QList<QPair<QString, QList<Annotation>>> tiers;
    QList<qint64> slotTimes;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const QList<int> lanes = assignLanes(groups.at(g));
        const int laneCount = lanes.isEmpty() ? 0
                                              : *std::max_element(lanes.begin(), lanes.end()) + 1;
        for (int lane = 0; lane < laneCount; ++lane) {
            QList<Annotation> list;
            for (qsizetype i = 0; i < groups.at(g).size(); ++i) {
                if (lanes.at(i) != lane)
                    continue;
                const DatasetSegment *s = groups.at(g).at(i);
                const qint64 a = (s->onset.microseconds() + 500) / 1000;
                qint64 b = (s->offset.microseconds() + 500) / 1000;
                if (b <= a)
                    b = a + 1;
                slotTimes << a << b;
                list.append(Annotation{s, int(slotTimes.size()) - 2, int(slotTimes.size()) - 1});
            }
            std::stable_sort(list.begin(), list.end(), [](const Annotation &x, const Annotation &y) {
                return x.segment->onset < y.segment->onset;
            });
            tiers.append({tierName(keys.at(g).first, keys.at(g).second, lane), list});
        }
    }
    // ELAN keeps time slots in time order: number them so.
    QList<int> order(slotTimes.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return slotTimes.at(a) < slotTimes.at(b);
    });
    QList<int> slotId(slotTimes.size());
    for (int i = 0; i < order.size(); ++i)
        slotId[order.at(i)] = i + 1;
    xml.writeStartElement(QStringLiteral("TIME_ORDER"));
    for (int i = 0; i < order.size(); ++i) {
        xml.writeEmptyElement(QStringLiteral("TIME_SLOT"));
        xml.writeAttribute(QStringLiteral("TIME_SLOT_ID"), QStringLiteral("ts%1").arg(i + 1));
        xml.writeAttribute(QStringLiteral("TIME_VALUE"), QString::number(slotTimes.at(order.at(i))));
    }
    xml.writeEndElement();
    int id = 0;
    for (const auto &[name, list] : std::as_const(tiers)) {
        xml.writeStartElement(QStringLiteral("TIER"));
        xml.writeAttribute(QStringLiteral("LINGUISTIC_TYPE_REF"), QStringLiteral("default-lt"));
        xml.writeAttribute(QStringLiteral("TIER_ID"), name);
        for (const Annotation &a : list) {
            xml.writeStartElement(QStringLiteral("ANNOTATION"));
            xml.writeStartElement(QStringLiteral("ALIGNABLE_ANNOTATION"));
            xml.writeAttribute(QStringLiteral("ANNOTATION_ID"), QStringLiteral("a%1").arg(++id));
            xml.writeAttribute(QStringLiteral("TIME_SLOT_REF1"),
                               QStringLiteral("ts%1").arg(slotId.at(a.slot1)));
            xml.writeAttribute(QStringLiteral("TIME_SLOT_REF2"),
                               QStringLiteral("ts%1").arg(slotId.at(a.slot2)));
            xml.writeTextElement(QStringLiteral("ANNOTATION_VALUE"), a.segment->label);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEmptyElement(QStringLiteral("LINGUISTIC_TYPE"));
    xml.writeAttribute(QStringLiteral("GRAPHIC_REFERENCES"), QStringLiteral("false"));
    xml.writeAttribute(QStringLiteral("LINGUISTIC_TYPE_ID"), QStringLiteral("default-lt"));
    xml.writeAttribute(QStringLiteral("TIME_ALIGNABLE"), QStringLiteral("true"));
    const QList<QPair<QString, QString>> constraints = {
        {QStringLiteral("Time subdivision of parent annotation's time interval, no time gaps "
                        "allowed within this interval"),
         QStringLiteral("Time_Subdivision")},
        {QStringLiteral("Symbolic subdivision of a parent annotation. Annotations refering to "
                        "the same parent are ordered"),
         QStringLiteral("Symbolic_Subdivision")},
        {QStringLiteral("1-1 association with a parent annotation"),
         QStringLiteral("Symbolic_Association")},
        {QStringLiteral("Time alignable annotations within the parent annotation's time "
                        "interval, gaps are allowed"),
         QStringLiteral("Included_In")},
    };
    for (const auto &[description, stereotype] : constraints) {
        xml.writeEmptyElement(QStringLiteral("CONSTRAINT"));
        xml.writeAttribute(QStringLiteral("DESCRIPTION"), description);
        xml.writeAttribute(QStringLiteral("STEREOTYPE"), stereotype);
    }
    xml.writeEndElement(); // ANNOTATION_DOCUMENT
    xml.writeEndDocument();
    return out;
}

} // namespace

Result<Dataset> readEaf(const QString &path, const ReadOptions &options)
{
    return readPerVideo(path, QStringLiteral(".eaf"), options, readOne);
}

Status writeEaf(const Dataset &data, const QString &path, const WriteOptions &)
{
    return writePerVideo(data, path, QStringLiteral(".eaf"), writeOne);
}

} // namespace earmark::formats::internal
