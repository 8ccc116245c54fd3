package parc.orchestrator.system.database;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the Camunda engine wait for Flyway. Flyway refuses to start on a non-empty schema
 * without its history table, so on a first start it must run before Camunda creates its
 * tables (docs/architecture.md, "Start-up and the database"). Quartz's tables are a
 * Flyway migration; Camunda keeps ownership of its own schema ({@code schema-update}).
 * Registered in {@code META-INF/spring.factories}.
 */
class ProcessEngineDependsOnFlywayDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
	}

}
