// A Server Component page with a client component that renders <assent-terms> through
// @assent/react. (Not the plain tag with `onassent-change`: React 19 does not attach a custom
// element's event props while it hydrates server-rendered HTML, react#35446.)
import { SignupForm } from './signup-form';

export default function Page() {
  return (
    <main>
      <h1>Create your account</h1>
      <SignupForm id="component" />
    </main>
  );
}
