package com.monstermart.cdp.console.config;

import com.monstermart.cdp.console.core.platform.CustomerDirectory;
import com.monstermart.cdp.console.core.platform.ReviewQueue;
import com.monstermart.cdp.console.core.platform.SourceDirectory;
import com.monstermart.cdp.console.platform.HttpCustomerDirectory;
import com.monstermart.cdp.console.platform.HttpReviewQueue;
import com.monstermart.cdp.console.platform.HttpSourceDirectory;
import com.monstermart.cdp.console.platform.ServiceHttp;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;

/** The platform services' clients. */
public class ConsoleBeans {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @Produces
    @Singleton
    HttpClient httpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Produces
    @Singleton
    SourceDirectory sourceDirectory(ServicesConfig services, HttpClient client) {
        return new HttpSourceDirectory(new ServiceHttp("ingestion", services.ingestion(), client, services.timeout()));
    }

    @Produces
    @Singleton
    ReviewQueue reviewQueue(ServicesConfig services, HttpClient client) {
        return new HttpReviewQueue(new ServiceHttp("identity", services.identity(), client, services.timeout()));
    }

    @Produces
    @Singleton
    CustomerDirectory customerDirectory(ServicesConfig services, HttpClient client) {
        return new HttpCustomerDirectory(new ServiceHttp("profiles", services.profiles(), client, services.timeout()));
    }
}
