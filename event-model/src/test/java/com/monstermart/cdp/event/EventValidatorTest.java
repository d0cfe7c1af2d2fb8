package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventValidatorTest {
    @Test
    void aValidEventHasNoProblems() {
        assertThat(EventValidator.validate(
                        Events.track(EcommerceEvents.PRODUCT_VIEWED).build()))
                .isEmpty();
    }

    @Test
    void identifyNeedsAUserIdOrAnAnonymousId() {
        CanonicalEvent event = Events.identify().userId(null).buildUnchecked();

        assertThat(EventValidator.validate(event))
                .containsExactly(new ValidationProblem("$.userId", "userId or anonymousId is required"));
        assertThat(EventValidator.validate(event.toBuilder().anonymousId("a-1").buildUnchecked()))
                .isEmpty();
    }

    @Test
    void aliasNeedsBothIds() {
        CanonicalEvent event = CanonicalEvent.builder(EventType.ALIAS)
                .messageId("m1")
                .anonymousId("a-1")
                .context(EventContext.of(Events.WEB))
                .buildUnchecked();

        assertThat(EventValidator.validate(event))
                .containsExactly(
                        new ValidationProblem("$.userId", "is required for alias events"),
                        new ValidationProblem("$.previousId", "is required for alias events"));
    }

    @Test
    void groupNeedsAGroupIdAndAUserIdOrAnAnonymousId() {
        CanonicalEvent event = Events.group().userId(null).groupId(null).buildUnchecked();

        assertThat(EventValidator.validate(event))
                .containsExactly(
                        new ValidationProblem("$.userId", "userId or anonymousId is required"),
                        new ValidationProblem("$.groupId", "is required for group events"));
        assertThat(EventValidator.validate(
                        event.toBuilder().anonymousId("a-1").groupId("g-1").buildUnchecked()))
                .isEmpty();
        assertThat(EventValidator.validate(Events.group().groupId(" ").buildUnchecked()))
                .extracting(ValidationProblem::toString)
                .containsExactly(
                        "$.groupId: must not be blank; leave it out instead",
                        "$.groupId: is required for group events");
        assertThat(EventValidator.validate(
                        Events.group().groupId("g".repeat(257)).buildUnchecked()))
                .extracting(ValidationProblem::toString)
                .containsExactly("$.groupId: is longer than 256 characters");
    }

    @Test
    void fieldsOfOtherTypesAreRejected() {
        CanonicalEvent page = CanonicalEvent.builder(EventType.PAGE)
                .messageId("m1")
                .userId("42")
                .event("Product Viewed")
                .previousId("old")
                .context(EventContext.of(Events.WEB))
                .buildUnchecked();

        assertThat(EventValidator.validate(page))
                .extracting(ValidationProblem::toString)
                .containsExactly(
                        "$.previousId: only alias events carry previousId",
                        "$.event: only track events carry an event name; this is a page");
    }

    @Test
    void blankAndOverlongValuesAreRejected() {
        CanonicalEvent event = Events.track("x".repeat(EventValidator.MAX_NAME_LENGTH + 1))
                .messageId(" ")
                .userId("")
                .anonymousId("a".repeat(EventValidator.MAX_ID_LENGTH + 1))
                .buildUnchecked();

        assertThat(EventValidator.validate(event))
                .extracting(ValidationProblem::toString)
                .containsExactly(
                        "$.messageId: must not be blank",
                        "$.userId: must not be blank; leave it out instead",
                        "$.anonymousId: is longer than 256 characters",
                        "$.event: is longer than 200 characters");
    }

    @Test
    void timestampsFarInTheFutureAreRejected() {
        CanonicalEvent event = Events.track("Product Viewed")
                .timestamp(Events.RECEIVED.plusSeconds(400L * 24 * 3600))
                .buildUnchecked();

        assertThat(EventValidator.validate(event))
                .containsExactly(new ValidationProblem("$.timestamp", "is more than a year after receivedAt"));
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> CanonicalEvent.builder(EventType.TRACK).build())
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Invalid event: $.messageId: is required; $.context.source: is required");
        assertThatThrownBy(() -> Events.track("Product Viewed").userId(null).build())
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Invalid event: $.userId: userId or anonymousId is required");
    }

    @Test
    void problemsNestUnderABatch() {
        ValidationProblem problem = new ValidationProblem("$.event", "is required for track events");

        assertThat(problem.under("$.batch[3]").toString()).isEqualTo("$.batch[3].event: is required for track events");
    }
}
