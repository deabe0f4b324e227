// What a bundler writes: one file, its name carrying a hash of its content.
const main = document.getElementById("app");

async function show(path) {
  const match = path.match(/^\/books\/(\d+)$/);
  const url = match ? `/api/books/${match[1]}` : "/api/books";
  const response = await fetch(url);
  const data = await response.json();
  main.textContent = response.ok ? JSON.stringify(data) : `Not found: ${path}`;
}

show(location.pathname);
