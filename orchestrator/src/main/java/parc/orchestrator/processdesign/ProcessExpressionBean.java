package parc.orchestrator.processdesign;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that BPMN expressions may call ({@code ${phaseOrder.priority(phase)}}).
 * Processes see only such beans and Parc's delegates: a process deployed by a designer
 * must not reach Parc's services (users, credentials) through an expression.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProcessExpressionBean {

}
