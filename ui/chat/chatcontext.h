#pragma once

#include "inference/llm/prompt.h"

#include <QList>

namespace earmark::annotation {
class AnnotationDocument;
}

namespace earmark::ui {

// The annotations of a video as context for the chat model: every segment that is not rejected,
// with its class name, its track and modality ("Dog; LLP, heard and seen") and whether a person
// confirmed it or a model proposed it. Empty for a null document. GUI thread (the document's).
QList<llm::ContextAnnotation> chatContext(const annotation::AnnotationDocument *document);

} // namespace earmark::ui
