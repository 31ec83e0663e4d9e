package dev.diligence.api.sync;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling, for the purge of expired idempotency keys ({@link SyncKeyPurge}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SyncConfiguration {}
