package com.monstermart.cdp.localstack.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real servers: they are up before its first test, and test methods can take a
 * {@link CdpStack} or {@link com.monstermart.cdp.localstack.StackEndpoints} parameter.
 *
 * <pre>{@code
 * @WithCdpStack({"postgres", "kafka"})
 * class OffsetStoreTest {
 *     @Test
 *     void resumes(CdpStack stack) {
 *         String database = stack.createDatabase("offsets");
 *         ...
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(CdpStackExtension.class)
public @interface WithCdpStack {
    /** Components: postgres, mariadb, kafka, greenmail, keycloak, trino (what they require comes too). */
    String[] value();
}
