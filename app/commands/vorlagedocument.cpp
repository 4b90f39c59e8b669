#include "vorlagedocument.h"

namespace vw {

VorlageDocument::VorlageDocument(Vorlage vorlage, QObject *parent) : QObject(parent), mVorlage(std::move(vorlage)) {}

void VorlageDocument::modify(const std::function<void(Vorlage &)> &change, const Place &place)
{
    change(mVorlage);
    emit changed(place);
}

void VorlageDocument::reset(const Vorlage &vorlage)
{
    mUndoStack.clear();
    mVorlage = vorlage;
    emit reloaded();
}

} // namespace vw
