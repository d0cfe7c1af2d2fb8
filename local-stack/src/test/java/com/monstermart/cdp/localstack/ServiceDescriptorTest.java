package com.monstermart.cdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDescriptorTest {
    @TempDir
    Path home;

    @Test
    void discoversModuleDescriptorsInStartOrderAndSkipsBuildOutput() throws IOException {
        write(home.resolve("profile-store"), "profiles", 300);
        write(home.resolve("identity-resolution/service"), "identity", 200);
        write(home.resolve("identity-resolution/service/target/classes"), "copied-by-build", 1);
        write(home.resolve(".cdp/test-stacks"), "hidden", 1);

        assertThat(ServiceDescriptor.discover(home))
                .extracting(ServiceDescriptor::name)
                .containsExactly("identity", "profiles");
    }

    @Test
    void readsEveryKey() throws IOException {
        Path module = home.resolve("ingestion-connectors");
        Files.createDirectories(module);
        Files.writeString(module.resolve(ServiceDescriptor.FILE_NAME), """
                name=ingestion
                description=Connectors into Kafka
                order=100
                requires=postgres, kafka
                port=8081
                artifact=target/quarkus-app/quarkus-run.jar
                command=${java} -jar target/quarkus-app/quarkus-run.jar
                health=http://127.0.0.1:${port}/q/health/ready
                env.KAFKA_BOOTSTRAP_SERVERS=${kafka.bootstrap-servers}
                """);
        ServiceDescriptor descriptor = ServiceDescriptor.read(module.resolve(ServiceDescriptor.FILE_NAME));
        assertThat(descriptor.requires()).containsExactly("postgres", "kafka");
        assertThat(descriptor.artifact()).isEqualTo(module.resolve("target/quarkus-app/quarkus-run.jar"));
        assertThat(descriptor.environment()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "${kafka.bootstrap-servers}");
        assertThat(descriptor.port(Map.of())).isEqualTo(8081);
        assertThat(descriptor.port(Map.of("CDP_INGESTION_PORT", "9081"))).isEqualTo(9081);
    }

    @Test
    void missingKeyNamesFileAndKey() throws IOException {
        Path module = home.resolve("audiences");
        Files.createDirectories(module);
        Path file = module.resolve(ServiceDescriptor.FILE_NAME);
        Files.writeString(file, "name=audiences\nport=8084\n");
        assertThatThrownBy(() -> ServiceDescriptor.read(file))
                .isInstanceOf(StackException.class)
                .hasMessage(file + " lacks the key 'artifact'");
    }

    static void write(Path module, String name, int order) throws IOException {
        Files.createDirectories(module);
        Files.writeString(module.resolve(ServiceDescriptor.FILE_NAME), """
                name=%s
                order=%d
                port=8090
                artifact=app.jar
                command=${java} -jar app.jar
                health=http://127.0.0.1:${port}/
                """.formatted(name, order));
    }
}
