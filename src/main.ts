/** Entry point of the reader page. */
import './components/reader-app.ts';

// Content-Security-Policy violations are bugs: make them visible and countable.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
  console.error(`Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
(window as unknown as { cspViolations: string[] }).cspViolations = violations;
