package com.monstermart.cdp.ingestion.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.ingestion.core.SpecJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST responses write source kinds as their wire names ({@code postgres}) and durations in ISO-8601. */
@Singleton
public class JacksonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(SpecJson.module());
    }
}
