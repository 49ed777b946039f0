// Times arrive in UTC; once the script runs, show them in the reader's own time zone and locale.

const FORMATS = {
  clock: new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }),
  date: new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }),
};

export function localise(node) {
  const moment = new Date(node.dateTime || node.getAttribute("datetime"));
  const format = FORMATS[node.dataset.localTime] || FORMATS.clock;
  if (!Number.isNaN(moment.getTime())) {
    node.textContent = format.format(moment);
    node.title = moment.toLocaleString();
  }
}

export function localiseAll(root = document) {
  root.querySelectorAll("time[data-local-time]").forEach(localise);
}
