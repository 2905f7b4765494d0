// Entry point of the page.
import './commons-app.ts';
