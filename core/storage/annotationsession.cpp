#include "core/storage/annotationsession.h"

#include "core/storage/annotationrepository.h"

namespace earmark::storage {

using namespace annotation;

DocumentPersister::DocumentPersister(std::shared_ptr<Database> db,
                                     SerialExecutor *executor,
                                     AnnotationDocument *document)
    : m_db(std::move(db))
    , m_executor(executor)
    , m_document(document)
    , m_failed(std::make_shared<std::atomic_bool>(false))
{}

DocumentPersister::~DocumentPersister() = default;

void DocumentPersister::persist(const Edit &edit)
{
    auto db = m_db;
    auto failed = m_failed;
    QPointer<AnnotationDocument> document = m_document;
    m_executor->post([db, failed, document, edit] {
        if (failed->load())
            return;
        const Status s = AnnotationRepository(db).applyEdit(edit);
        if (s)
            return;
        failed->store(true);
        const QString message = s.errorString();
        if (document) {
            QMetaObject::invokeMethod(
                document.data(),
                [document, message] {
                    if (document)
                        document->reportPersistFailure(message);
                },
                Qt::QueuedConnection);
        }
    });
}

void DocumentPersister::requestIds(qint64 count)
{
    auto db = m_db;
    m_executor->call([db, count] { return AnnotationRepository(db).reserveIds(count); },
                     m_document.data(),
                     [document = m_document](Result<IdRange> range) {
                         if (!document)
                             return;
                         if (range)
                             document->addIds(*range);
                         else
                             document->reportPersistFailure(range.errorString());
                     });
}

struct AnnotationSession::Loaded
{
    DocumentSnapshot snapshot;
    IdRange ids;
};

AnnotationSession::AnnotationSession(std::shared_ptr<Database> db,
                                     SerialExecutor &executor,
                                     VideoId video)
    : m_db(std::move(db))
    , m_executor(executor)
    , m_video(video)
{}

AnnotationSession::~AnnotationSession()
{
    // Edits already handed over are written by the executor whatever happens to the session.
    if (m_document)
        m_document->setSink(nullptr);
}

Result<std::shared_ptr<AnnotationSession::Loaded>> AnnotationSession::load(
    const std::shared_ptr<Database> &db, VideoId video)
{
    AnnotationRepository repo(db);
    auto snapshot = repo.loadSnapshot(video);
    if (!snapshot)
        return snapshot.error();
    auto ids = repo.reserveIds(AnnotationDocument::refillSize());
    if (!ids)
        return ids.error();
    auto loaded = std::make_shared<Loaded>();
    loaded->snapshot = std::move(*snapshot);
    loaded->ids = *ids;
    return loaded;
}

void AnnotationSession::install(const std::shared_ptr<Loaded> &loaded)
{
    if (m_document)
        m_document->setSink(nullptr);
    auto document = std::make_unique<AnnotationDocument>(loaded->snapshot);
    document->addIds(loaded->ids);
    auto persister = std::make_unique<DocumentPersister>(m_db, &m_executor, document.get());
    document->setSink(persister.get());
    connect(document.get(), &AnnotationDocument::persistFailed, this, [this](const QString &m) {
        Q_EMIT errorOccurred(m);
        reload();
    });
    // Whoever shows the old document hears documentReplaced() first; it goes at the next turn of
    // the event loop (queued callbacks reach it through QPointer only).
    if (m_document) {
        m_document->disconnect(this);
        m_document.release()->deleteLater();
    }
    m_document = std::move(document);
    m_persister = std::move(persister);
}

void AnnotationSession::open(std::shared_ptr<Database> db,
                             SerialExecutor &executor,
                             VideoId video,
                             QObject *context,
                             OpenCallback done)
{
    SerialExecutor *exec = &executor;
    executor.call([db, video] { return load(db, video); },
                  context,
                  [db, exec, video, done = std::move(done)](Result<std::shared_ptr<Loaded>> loaded) {
                      if (!loaded) {
                          done(loaded.error());
                          return;
                      }
                      std::shared_ptr<AnnotationSession> session(
                          new AnnotationSession(db, *exec, video));
                      session->install(*loaded);
                      done(session);
                  });
}

Result<std::shared_ptr<AnnotationSession>> AnnotationSession::openNow(std::shared_ptr<Database> db,
                                                                      SerialExecutor &executor,
                                                                      VideoId video)
{
    Result<std::shared_ptr<Loaded>> loaded = Error(QString());
    executor.post([&] { loaded = load(db, video); });
    executor.waitForIdle();
    if (!loaded)
        return loaded.error();
    std::shared_ptr<AnnotationSession> session(new AnnotationSession(db, executor, video));
    session->install(*loaded);
    return session;
}

void AnnotationSession::waitForWrites()
{
    m_executor.waitForIdle();
}

void AnnotationSession::reload()
{
    auto db = m_db;
    const VideoId video = m_video;
    m_executor.call([db, video] { return load(db, video); },
                    this,
                    [this](Result<std::shared_ptr<Loaded>> loaded) {
                        if (!loaded) {
                            Q_EMIT errorOccurred(loaded.errorString());
                            return;
                        }
                        install(*loaded);
                        Q_EMIT documentReplaced(m_document.get());
                    });
}

} // namespace earmark::storage
