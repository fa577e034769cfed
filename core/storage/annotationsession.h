#pragma once

#include "core/annotation/document.h"
#include "core/base/result.h"
#include "core/base/serialexecutor.h"
#include "core/storage/database.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

namespace earmark::storage {

// The EditSink that writes a document's edits to the library: each edit becomes one task on the
// storage thread (a SerialExecutor, so edits are written one at a time, in order), each task one
// transaction. After a failed write it writes nothing more for this document (later edits were
// built on the failed one) and tells the document on its own thread.
class DocumentPersister : public annotation::EditSink
{
public:
    DocumentPersister(std::shared_ptr<Database> db,
                      SerialExecutor *executor,
                      annotation::AnnotationDocument *document);
    ~DocumentPersister() override;

    void persist(const annotation::Edit &edit) override;
    void requestIds(qint64 count) override;

private:
    std::shared_ptr<Database> m_db;
    SerialExecutor *m_executor;
    QPointer<annotation::AnnotationDocument> m_document;
    std::shared_ptr<std::atomic_bool> m_failed;
};

// One video open for editing: its AnnotationDocument, kept in step with the library.
//
// open() loads the video on the storage thread and hands the session over on the caller's thread,
// with a first pool of ids. Edits made on the document are written in order by a
// DocumentPersister. When a write fails the session reports errorOccurred() and reloads the
// document from the library (documentReplaced() follows: connect to the new document; the undo
// history starts over, since the library is the truth).
//
// Thread-safety: GUI thread (the thread that opened it). The executor must outlive the session.
class AnnotationSession : public QObject
{
    Q_OBJECT

public:
    using OpenCallback = std::function<void(Result<std::shared_ptr<AnnotationSession>>)>;

    // Loads `video` on `executor`; `done` runs on `context`'s thread, if it still exists.
    static void open(std::shared_ptr<Database> db,
                     SerialExecutor &executor,
                     annotation::VideoId video,
                     QObject *context,
                     OpenCallback done);
    // The same, blocking the calling thread until loaded (command line, tests).
    static Result<std::shared_ptr<AnnotationSession>> openNow(std::shared_ptr<Database> db,
                                                              SerialExecutor &executor,
                                                              annotation::VideoId video);
    ~AnnotationSession() override;

    annotation::AnnotationDocument *document() const { return m_document.get(); }
    annotation::VideoId videoId() const { return m_video; }

    // Blocks until every edit handed over so far is written (tests, closing the window).
    void waitForWrites();
    // Reloads the document from the library; documentReplaced() follows.
    void reload();

Q_SIGNALS:
    void errorOccurred(const QString &message);
    void documentReplaced(earmark::annotation::AnnotationDocument *document);

private:
    AnnotationSession(std::shared_ptr<Database> db,
                      SerialExecutor &executor,
                      annotation::VideoId video);
    struct Loaded;
    static Result<std::shared_ptr<Loaded>> load(const std::shared_ptr<Database> &db,
                                                annotation::VideoId video);
    void install(const std::shared_ptr<Loaded> &loaded);

    std::shared_ptr<Database> m_db;
    SerialExecutor &m_executor;
    annotation::VideoId m_video;
    std::unique_ptr<annotation::AnnotationDocument> m_document;
    std::unique_ptr<DocumentPersister> m_persister;
};

} // namespace earmark::storage
