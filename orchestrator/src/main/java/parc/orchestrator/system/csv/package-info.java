/**
 * Reading CSV files Parc is given (machine imports, group imports) row by row, whatever
 * their size, separator or charset.
 */
package parc.orchestrator.system.csv;
