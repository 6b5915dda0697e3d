/** The text a form field holds: '' when the field is missing or holds a file, never "[object File]". */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
