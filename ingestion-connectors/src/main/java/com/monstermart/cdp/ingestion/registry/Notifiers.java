package com.monstermart.cdp.ingestion.registry;

import com.monstermart.cdp.ingestion.config.NotificationSettings;
import com.monstermart.cdp.ingestion.core.Notifier;
import io.quarkus.mailer.reactive.ReactiveMailer;
import java.util.ArrayList;
import java.util.List;

/** The notifiers the configuration asks for (webhook and/or email). */
public final class Notifiers {
    private Notifiers() {}

    public static Notifier configured(NotificationSettings settings, ReactiveMailer mailer) {
        List<Notifier> notifiers = new ArrayList<>();
        settings.webhookUrl().ifPresent(url -> notifiers.add(new WebhookNotifier(url)));
        settings.emailTo()
                .filter(to -> !to.isEmpty())
                .ifPresent(to -> notifiers.add(new MailNotifier(mailer, to, settings.emailFrom())));
        return alert -> notifiers.forEach(notifier -> notifier.notify(alert));
    }
}
