#include "inference/avvp.h"

#include "inference/internal/checkpoint.h"
#include "inference/internal/device.h"
#include "inference/internal/heads.h"
#include "inference/internal/packmodels.h"
#include "inference/internal/tensorutil.h"
#include "inference/runtime.h"

#include <c10/core/InferenceMode.h>

#include <QFileInfo>

namespace earmark::inference {

const QStringList &llpClasses()
{
    static const QStringList list = {
        QStringLiteral("Speech"),
        QStringLiteral("Car"),
        QStringLiteral("Cheering"),
        QStringLiteral("Dog"),
        QStringLiteral("Cat"),
        QStringLiteral("Frying_(food)"),
        QStringLiteral("Basketball_bounce"),
        QStringLiteral("Fire_alarm"),
        QStringLiteral("Chainsaw"),
        QStringLiteral("Cello"),
        QStringLiteral("Banjo"),
        QStringLiteral("Singing"),
        QStringLiteral("Chicken_rooster"),
        QStringLiteral("Violin_fiddle"),
        QStringLiteral("Vacuum_cleaner"),
        QStringLiteral("Baby_laughter"),
        QStringLiteral("Accordion"),
        QStringLiteral("Lawn_mower"),
        QStringLiteral("Motorcycle"),
        QStringLiteral("Helicopter"),
        QStringLiteral("Acoustic_guitar"),
        QStringLiteral("Telephone_bell_ringing"),
        QStringLiteral("Baby_cry_infant_cry"),
        QStringLiteral("Blender"),
        QStringLiteral("Clapping"),
    };
    return list;
}

const QStringList &aveClasses()
{
    static const QStringList list = {
        QStringLiteral("Church bell"),
        QStringLiteral("Male speech, man speaking"),
        QStringLiteral("Bark"),
        QStringLiteral("Fixed-wing aircraft, airplane"),
        QStringLiteral("Race car, auto racing"),
        QStringLiteral("Female speech, woman speaking"),
        QStringLiteral("Helicopter"),
        QStringLiteral("Violin, fiddle"),
        QStringLiteral("Flute"),
        QStringLiteral("Ukulele"),
        QStringLiteral("Frying (food)"),
        QStringLiteral("Truck"),
        QStringLiteral("Shofar"),
        QStringLiteral("Motorcycle"),
        QStringLiteral("Acoustic guitar"),
        QStringLiteral("Train horn"),
        QStringLiteral("Clock"),
        QStringLiteral("Banjo"),
        QStringLiteral("Goat"),
        QStringLiteral("Baby cry, infant cry"),
        QStringLiteral("Bus"),
        QStringLiteral("Chainsaw"),
        QStringLiteral("Cat"),
        QStringLiteral("Horse"),
        QStringLiteral("Toilet flush"),
        QStringLiteral("Rodents, rats, mice"),
        QStringLiteral("Accordion"),
        QStringLiteral("Mandolin"),
    };
    return list;
}

std::optional<AvvpArch> avvpArchFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("han"))
        return AvvpArch::Han;
    if (n == QLatin1String("valor"))
        return AvvpArch::Valor;
    if (n == QLatin1String("valor++") || n == QLatin1String("valor+"))
        return AvvpArch::ValorPlusPlus;
    if (n == QLatin1String("link"))
        return AvvpArch::Link;
    return std::nullopt;
}

QString avvpArchName(AvvpArch arch)
{
    switch (arch) {
    case AvvpArch::Han:
        return QStringLiteral("han");
    case AvvpArch::Valor:
        return QStringLiteral("valor");
    case AvvpArch::ValorPlusPlus:
        return QStringLiteral("valor++");
    case AvvpArch::Link:
        return QStringLiteral("link");
    }
    return {};
}

QString modalityName(Modality m)
{
    switch (m) {
    case Modality::Audio:
        return QStringLiteral("audio");
    case Modality::Visual:
        return QStringLiteral("visual");
    case Modality::AudioVisual:
        return QStringLiteral("audio-visual");
    }
    return {};
}

std::vector<AvvpEvent> avvpEvents(const AvvpPrediction &p, float threshold)
{
    std::vector<AvvpEvent> events;
    for (int m = 0; m < 2; ++m) {
        for (int c = 0; c < p.classes; ++c) {
            if (p.global[size_t(c)] < threshold)
                continue;
            int start = -1;
            double sum = 0;
            for (int s = 0; s <= p.segments; ++s) {
                const bool on = s < p.segments && p.frameProb(s, m, c) >= threshold;
                if (on) {
                    if (start < 0) {
                        start = s;
                        sum = 0;
                    }
                    sum += p.frameProb(s, m, c);
                } else if (start >= 0) {
                    AvvpEvent e;
                    e.modality = m == 0 ? Modality::Audio : Modality::Visual;
                    e.classIndex = c;
                    e.onset = start;
                    e.offset = s;
                    e.confidence = float(sum / (s - start));
                    events.push_back(e);
                    start = -1;
                }
            }
        }
    }
    return events;
}

struct AvvpModel::Private
{
    nn::AvvpHead head{nullptr};
    AvvpArch arch = AvvpArch::Valor;
    at::Device device = at::kCPU;
};

AvvpModel::AvvpModel(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

AvvpModel::~AvvpModel() = default;

Result<std::unique_ptr<AvvpModel>> AvvpModel::load(const QString &path, const AvvpHeadConfig &config)
{
    auto p = std::make_unique<Private>();
    p->arch = config.arch;
    p->device = computeDevice();
    auto head = loadAvvpHead(path, config, p->device);
    if (!head)
        return head.error();
    p->head = *head;
    return std::unique_ptr<AvvpModel>(new AvvpModel(std::move(p)));
}

QString AvvpModel::description() const
{
    return describeAvvpHead(d->arch, d->head->options());
}

int AvvpModel::classes() const
{
    return int(d->head->options().classes);
}

Result<std::vector<AvvpPrediction>> AvvpModel::run(const std::vector<AvvpFeatures> &batch)
{
    if (batch.empty())
        return std::vector<AvvpPrediction>();
    const nn::AvvpHeadOptions &o = d->head->options();
    std::vector<const FloatArray *> audio, visual, st;
    for (size_t i = 0; i < batch.size(); ++i) {
        const AvvpFeatures &f = batch[i];
        auto check = [&](const FloatArray &a, const char *what, int64_t width) -> Status {
            if (a.rank() != 2 || a.dim(1) != width)
                return Error(QStringLiteral("input %1: %2 features of shape %3 do not fit the "
                                            "head, which takes [T, %4]")
                                 .arg(i)
                                 .arg(QLatin1String(what), a.shapeText())
                                 .arg(width));
            return {};
        };
        for (const Status &s : {check(f.audio, "audio", o.audioDim),
                                check(f.visual, "visual", o.visualDim),
                                check(f.st, "st", o.stDim)}) {
            if (!s)
                return s.error();
        }
        if (f.audio.shape != batch.front().audio.shape
            || f.visual.shape != batch.front().visual.shape || f.st.shape != batch.front().st.shape)
            return Error(QStringLiteral("input %1: feature shapes differ from input 0's").arg(i));
        const int64_t T = f.st.dim(0);
        if (f.visual.dim(0) % T != 0)
            return Error(QStringLiteral("input %1: %2 visual rows are not a multiple of the %3 "
                                        "segments")
                             .arg(i)
                             .arg(f.visual.dim(0))
                             .arg(T));
        if (f.audio.dim(0) != T && f.audio.dim(0) != 64)
            return Error(QStringLiteral("input %1: audio has %2 rows; expected %3 segments or a "
                                        "64-token CLAP map")
                             .arg(i)
                             .arg(f.audio.dim(0))
                             .arg(T));
        audio.push_back(&f.audio);
        visual.push_back(&f.visual);
        st.push_back(&f.st);
    }
    std::vector<AvvpPrediction> out;
    try {
        c10::InferenceMode guard;
        const at::Tensor a = stackArrays(audio).to(d->device);
        const at::Tensor v = stackArrays(visual).to(d->device);
        const at::Tensor s = stackArrays(st).to(d->device);
        nn::AvvpOutput r = d->head->forward(a, v, s);
        const at::Tensor global = r.globalProb.cpu().contiguous();
        const at::Tensor ap = r.audioProb.cpu().contiguous();
        const at::Tensor vp = r.visualProb.cpu().contiguous();
        const at::Tensor frame = r.frameProb.cpu().contiguous();
        const int C = int(global.size(1)), T = int(frame.size(1));
        for (size_t i = 0; i < batch.size(); ++i) {
            AvvpPrediction p;
            p.segments = T;
            p.classes = C;
            p.global = toVector(global[int64_t(i)]);
            p.audio = toVector(ap[int64_t(i)]);
            p.visual = toVector(vp[int64_t(i)]);
            p.frame = toVector(frame[int64_t(i)]);
            out.push_back(std::move(p));
        }
    } catch (const std::exception &e) {
        return Error(QStringLiteral("the AVVP head failed: %1")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    return out;
}

} // namespace earmark::inference
