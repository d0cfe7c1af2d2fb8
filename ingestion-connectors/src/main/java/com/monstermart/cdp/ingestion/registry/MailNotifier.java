package com.monstermart.cdp.ingestion.registry;

import com.monstermart.cdp.ingestion.core.Notifier;
import com.monstermart.cdp.ingestion.core.SourceAlert;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import java.util.List;

/** Emails each alert to the configured operators (plain ASCII text), asynchronously. */
final class MailNotifier implements Notifier {
    private final ReactiveMailer mailer;
    private final List<String> recipients;
    private final String from;

    MailNotifier(ReactiveMailer mailer, List<String> recipients, String from) {
        this.mailer = mailer;
        this.recipients = List.copyOf(recipients);
        this.from = from;
    }

    @Override
    public void notify(SourceAlert alert) {
        String subject = "[cdp ingestion] source %s %s"
                .formatted(alert.sourceId(), alert.kind() == SourceAlert.Kind.FAILING ? "is failing" : "recovered");
        String text =
                "%s%n%nError rate: %.1f%%%nAt: %s%n".formatted(alert.message(), alert.errorRate() * 100, alert.at());
        Mail mail = Mail.withText(recipients.getFirst(), subject, text).setFrom(from);
        if (recipients.size() > 1) {
            mail.setTo(recipients);
        }
        mailer.send(mail)
                .subscribe()
                .with(
                        done -> Log.debugf("Alert mail about source %s sent", alert.sourceId()),
                        error -> Log.warnf(
                                "Cannot send the alert mail about source %s: %s",
                                alert.sourceId(), error.getMessage()));
    }
}
