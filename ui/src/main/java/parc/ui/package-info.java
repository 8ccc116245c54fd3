/**
 * The administrator console (Thymeleaf, French and English) and the {@code /api} REST
 * layer. Controllers are package-private, mirror the orchestrator's feature packages and
 * talk only to its public services.
 */
package parc.ui;
