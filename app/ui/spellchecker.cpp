#include "spellchecker.h"

#include "templates.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>

#include <hunspell.hxx>

namespace vw {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

bool isJoiner(QChar c)
{
    return c == QLatin1Char('-') || c == QLatin1Char('\'') || c == QChar(0x2019) || c == QChar(0x2011);
}

bool isWordSeparator(QChar c)
{
    return c.isSpace() || c == QChar::ObjectReplacementCharacter || c == QChar::LineSeparator ||
           c == QChar::ParagraphSeparator;
}

QString lowerFirst(const QString &word)
{
    return word.isEmpty() ? word : word.left(1).toLower() + word.mid(1);
}

} // namespace

QString SpellChecker::defaultDictionary()
{
    // VW_SPELL_DICTIONARY points elsewhere (another language, or none, to see the app without one).
    return qEnvironmentVariable("VW_SPELL_DICTIONARY", QStringLiteral("/usr/share/hunspell/de_DE"));
}

QString SpellChecker::enabledSettingsKey()
{
    return QStringLiteral("spellcheck/enabled");
}

SpellChecker::SpellChecker(const QString &dictionary, QObject *parent) : QObject(parent)
{
    const QString aff = dictionary + QStringLiteral(".aff");
    const QString dic = dictionary + QStringLiteral(".dic");
    if (!QFileInfo(aff).isReadable() || !QFileInfo(dic).isReadable()) {
        mUnavailableReason = tr("Die Rechtschreibprüfung ist aus: Das Wörterbuch %1 fehlt (Paket hunspell-de-de).")
                                 .arg(QFileInfo(dic).fileName());
        return;
    }
    mHunspell = std::make_unique<Hunspell>(QFile::encodeName(aff).constData(), QFile::encodeName(dic).constData());
    // Hunspell takes and gives words in the dictionary's encoding (the SET line of the .aff file).
    mEncodingName = QString::fromStdString(mHunspell->get_dict_encoding());
    QString name = mEncodingName;
    if (name.compare(QLatin1String("ISO8859-1"), Qt::CaseInsensitive) == 0)
        name = QStringLiteral("ISO-8859-1");
    mEncoder = QStringEncoder(name.toLatin1().constData());
    mDecoder = QStringDecoder(name.toLatin1().constData());
    if (!mEncoder.isValid() || !mDecoder.isValid()) {
        mHunspell.reset();
        mUnavailableReason =
            tr("Die Rechtschreibprüfung ist aus: Die Zeichenkodierung %1 des Wörterbuchs wird nicht unterstützt.")
                .arg(mEncodingName);
        return;
    }
    // The program's own words (its templates' headings and wordings) and common words of the administration
    // that the dictionary lacks are never flagged.
    const QStringList builtIn = builtInWords();
    mProgramWords = QSet<QString>(builtIn.cbegin(), builtIn.cend());
    for (const QString &text : templateTexts()) {
        for (const WordRange &w : words(text))
            mProgramWords.insert(text.mid(w.start, w.length));
    }
}

QStringList SpellChecker::builtInWords()
{
    return {
        QStringLiteral("Homeoffice"), QStringLiteral("Home-Office"), QStringLiteral("Videokonferenz"),
        QStringLiteral("Videokonferenzen"), QStringLiteral("Onlinezugangsgesetz"), QStringLiteral("OZG"),
        QStringLiteral("BremIFG"), QStringLiteral("Informationsfreiheitsgesetz"), QStringLiteral("Informationsregister"),
        QStringLiteral("Transparenzportal"), QStringLiteral("Senatsvorlage"), QStringLiteral("Senatsvorlagen"),
        QStringLiteral("Tischvorlage"), QStringLiteral("Tischvorlagen"), QStringLiteral("Neufassung"),
        QStringLiteral("Gesamtpersonalrat"), QStringLiteral("Dienstvereinbarung"), QStringLiteral("Ressortabstimmung"),
        QStringLiteral("Gender-Prüfung"), QStringLiteral("Genderprüfung"), QStringLiteral("personalwirtschaftlich"),
        QStringLiteral("personalwirtschaftliche"), QStringLiteral("personalwirtschaftlichen"),
        QStringLiteral("Kernverwaltung"), QStringLiteral("Mitarbeiterinnen"), QStringLiteral("Fragestunde"),
        QStringLiteral("VPN"), QStringLiteral("VPN-Tunnel"), QStringLiteral("Cloud-basiert"),
    };
}

SpellChecker::~SpellChecker() = default;

SpellChecker *SpellChecker::instance()
{
    static QPointer<SpellChecker> checker;
    if (!checker) {
        checker = new SpellChecker(defaultDictionary(), QCoreApplication::instance());
        checker->mEnabled = QSettings().value(enabledSettingsKey(), true).toBool();
    }
    return checker;
}

void SpellChecker::setEnabled(bool enabled)
{
    if (enabled == mEnabled)
        return;
    mEnabled = enabled;
    emit changed();
}

QByteArray SpellChecker::encode(const QString &word) const
{
    return mEncoder.encode(word);
}

QString SpellChecker::decode(const std::string &word) const
{
    return mDecoder.decode(QByteArrayView(word.data(), qsizetype(word.size())));
}

bool SpellChecker::inOwnWords(const QString &word) const
{
    const QString lower = lowerFirst(word);
    return mWorkspaceWords.contains(word) || mIgnored.contains(word) || mProgramWords.contains(word) ||
           mWorkspaceWords.contains(lower) || mIgnored.contains(lower);
}

bool SpellChecker::checkWord(const QString &word) const
{
    if (inOwnWords(word))
        return true;
    const QByteArray encoded = encode(word);
    if (mHunspell->spell(std::string(encoded.constData(), size_t(encoded.size()))))
        return true;
    // "Bau-Deputation": right when every part is (hunspell knows the parts, our dictionary the terms).
    if (word.contains(QLatin1Char('-'))) {
        const QStringList parts = word.split(QLatin1Char('-'), Qt::SkipEmptyParts);
        if (parts.size() > 1)
            return std::all_of(parts.cbegin(), parts.cend(),
                               [this](const QString &part) { return part.size() < 2 || checkWord(part); });
    }
    return false;
}

bool SpellChecker::isCorrect(const QString &word) const
{
    if (!mHunspell)
        return true;
    const auto cached = mCache.constFind(word);
    if (cached != mCache.cend())
        return *cached;
    const bool correct = checkWord(word);
    mCache.insert(word, correct);
    return correct;
}

QStringList SpellChecker::suggestions(const QString &word, int max) const
{
    if (!mHunspell)
        return {};
    const QByteArray encoded = encode(word);
    QStringList result;
    for (const std::string &s : mHunspell->suggest(std::string(encoded.constData(), size_t(encoded.size())))) {
        const QString suggestion = decode(s);
        if (!result.contains(suggestion))
            result << suggestion;
        if (result.size() >= max)
            break;
    }
    return result;
}

void SpellChecker::clearCache()
{
    mCache.clear();
}

void SpellChecker::forgetMisspellings()
{
    // A word more in the dictionary can only make wrong words right: the right ones stay cached, so
    // marking again after "add to dictionary" costs little even in a long Vorlage.
    mCache.removeIf([](const QHash<QString, bool>::iterator it) { return !it.value(); });
}

void SpellChecker::setWorkspace(Workspace *workspace)
{
    mWorkspace = workspace;
    reloadWorkspaceWords();
}

void SpellChecker::reloadWorkspaceWords()
{
    QSet<QString> words;
    if (mWorkspace) {
        if (auto list = mWorkspace->dictionaryWords())
            words = QSet<QString>(list->cbegin(), list->cend());
    }
    if (words == mWorkspaceWords)
        return;
    mWorkspaceWords = std::move(words);
    clearCache();
    emit changed();
}

QStringList SpellChecker::workspaceWords() const
{
    QStringList words(mWorkspaceWords.cbegin(), mWorkspaceWords.cend());
    words.sort(Qt::CaseInsensitive);
    return words;
}

Result<void> SpellChecker::addToDictionary(const QString &word)
{
    if (!mWorkspace)
        return Error{tr("Es ist kein Arbeitsbereich geöffnet, dessen Wörterbuch das Wort aufnehmen könnte.")};
    if (auto r = mWorkspace->addDictionaryWord(word); !r)
        return r;
    mWorkspaceWords.insert(word.trimmed());
    forgetMisspellings();
    emit changed();
    return {};
}

void SpellChecker::ignore(const QString &word)
{
    if (word.isEmpty() || mIgnored.contains(word))
        return;
    mIgnored.insert(word);
    forgetMisspellings();
    emit changed();
}

QList<SpellChecker::WordRange> SpellChecker::words(QStringView text)
{
    QList<WordRange> result;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        if (isWordSeparator(text[i])) {
            ++i;
            continue;
        }
        // A chunk runs up to the next space: URLs and e-mail addresses are skipped whole.
        const int chunkStart = i;
        while (i < n && !isWordSeparator(text[i]))
            ++i;
        const QStringView chunk = text.mid(chunkStart, i - chunkStart);
        if (chunk.contains(QLatin1String("://")) || chunk.startsWith(QLatin1String("www."), Qt::CaseInsensitive) ||
            chunk.contains(QLatin1Char('@')))
            continue;
        int j = chunkStart;
        while (j < i) {
            if (!isWordChar(text[j])) {
                ++j;
                continue;
            }
            const int start = j;
            bool digits = false;
            while (j < i) {
                if (isWordChar(text[j])) {
                    digits = digits || text[j].isDigit();
                    ++j;
                } else if (isJoiner(text[j]) && j + 1 < i && isWordChar(text[j + 1])) {
                    ++j;
                } else {
                    break;
                }
            }
            // "Haushalts- und Finanzausschuss": the hyphen belongs to the word.
            if (j < n && text[j] == QLatin1Char('-') && (j + 1 == n || isWordSeparator(text[j + 1])))
                ++j;
            const int length = j - start;
            if (!digits && length >= 2)
                result.append({start, length});
        }
    }
    return result;
}

QList<SpellChecker::WordRange> SpellChecker::misspelled(const QString &text) const
{
    QList<WordRange> result;
    if (!isActive())
        return result;
    for (const WordRange &w : words(text)) {
        const QString word = text.mid(w.start, w.length);
        if (isCorrect(word))
            continue;
        // Abbreviations are in the dictionary with their period: "usw.", "ggf.", "Nr.".
        const int end = w.start + w.length;
        if (end < text.size() && text[end] == QLatin1Char('.') && isCorrect(word + QLatin1Char('.')))
            continue;
        result.append(w);
    }
    return result;
}

} // namespace vw
