#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QWidget;

namespace baton::ui {

struct EscalationRequest
{
    QString category;
    QString note;
    QString manager; // empty: the owner's manager
};

struct EditRequest
{
    QString briefJson; // the whole brief as edited
    QString reason;
};

// The questions a review action asks, behind a seam so tests answer them instead of a
// person (and see what was asked).
class ReviewDialogs
{
public:
    virtual ~ReviewDialogs() = default;
    virtual std::optional<EscalationRequest>
    escalation(QWidget *parent, const QStringList &categories, const QStringList &managers) = 0;
    virtual std::optional<QString> comment(QWidget *parent) = 0;
    // A note that must not be empty (returning a brief to its rep), or one of `items` (a
    // rejection reason, a person), the list labelled `label`.
    virtual std::optional<QString> note(QWidget *parent, const QString &title) = 0;
    virtual std::optional<QString> choice(QWidget *parent, const QString &title,
                                          const QString &label, const QStringList &items) = 0;
    // `check` returns what is wrong with an edited text (empty: it may be saved).
    virtual std::optional<EditRequest>
    edit(QWidget *parent, const QString &briefJson,
         const std::function<QStringList(const QString &)> &check) = 0;
    virtual void shortcuts(QWidget *parent, const QString &text) = 0;
};

class QtReviewDialogs final : public ReviewDialogs
{
public:
    std::optional<EscalationRequest> escalation(QWidget *parent, const QStringList &categories,
                                                const QStringList &managers) override;
    std::optional<QString> comment(QWidget *parent) override;
    std::optional<QString> note(QWidget *parent, const QString &title) override;
    std::optional<QString> choice(QWidget *parent, const QString &title, const QString &label,
                                  const QStringList &items) override;
    std::optional<EditRequest>
    edit(QWidget *parent, const QString &briefJson,
         const std::function<QStringList(const QString &)> &check) override;
    void shortcuts(QWidget *parent, const QString &text) override;
};

} // namespace baton::ui
