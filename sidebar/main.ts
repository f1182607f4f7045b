// Sidebar UI (being built).
const app = document.getElementById('app');
if (app) app.textContent = 'Results Ladder';
