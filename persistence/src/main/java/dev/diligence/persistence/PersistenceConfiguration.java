package dev.diligence.persistence;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Entry point of the persistence module: the application imports this and gets every adapter. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class PersistenceConfiguration {}
