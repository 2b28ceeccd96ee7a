/**
 * JSX types for using the Assent elements directly as tags in React 19, which renders custom
 * elements natively: a prop the element has as a property is set as that property (so `policy`
 * takes an object), any other as an attribute, and `on<event-name>` props are event listeners
 * (`onassent-change`). Import once, anywhere in the program: `import type {} from '@assent/react/jsx';`
 *
 * React 18 sets every prop on a custom element as an attribute and attaches no listeners: there,
 * only the string attributes below work; use the components of `@assent/react` instead.
 * Importing this module defines no element: import `@assent/elements/define/<tag>.js` as well.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  AssentChangeDetail,
  AssentConsentStatus,
  AssentReconsent,
  AssentReconsentAcceptedDetail,
  AssentReconsentDeclinedDetail,
  AssentSignupErrorDetail,
  AssentSignupForm,
  AssentSignupSuccessDetail,
  AssentTerms,
  AssentWithdrawButton,
  AssentWithdrawDetail,
} from '@assent/elements';

/**
 * The props of an element in JSX: React's HTML attributes, the element's writable properties
 * `Properties`, its attributes `Attributes` (kebab-case, strings) and its event listener props.
 */
export type AssentElementProps<E extends HTMLElement, Properties extends keyof E, Attributes, Events> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Partial<Pick<E, Properties>> &
  Attributes &
  Events & {
    /** React 19 passes `class` to custom elements as is (as it does `className`). */
    class?: string;
  };

/** A listener of one of the elements' events. */
type Listener<Detail> = (event: CustomEvent<Detail>) => void;

/** Boolean attributes: present (`""` or `true`) or absent. */
type BooleanAttribute = boolean | '';

export type AssentTermsProps = AssentElementProps<
  AssentTerms,
  'policy' | 'policySrc' | 'name' | 'disabled' | 'checked',
  { 'policy-src'?: string; form?: string },
  { 'onassent-change'?: Listener<AssentChangeDetail> }
>;

export type AssentSignupFormProps = AssentElementProps<
  AssentSignupForm,
  'domain' | 'clientId' | 'connection' | 'policySrc' | 'policy' | 'client' | 'metadata' | 'passwordPolicy' | 'passwordMinLength' | 'askName' | 'askUsername',
  {
    'client-id'?: string;
    'policy-src'?: string;
    'password-policy'?: AssentSignupForm['passwordPolicy'] & string;
    'password-min-length'?: number | `${number}`;
    'ask-name'?: BooleanAttribute;
    'ask-username'?: BooleanAttribute;
  },
  { 'onassent-signup-success'?: Listener<AssentSignupSuccessDetail>; 'onassent-signup-error'?: Listener<AssentSignupErrorDetail> }
>;

export type AssentWithdrawButtonProps = AssentElementProps<
  AssentWithdrawButton,
  'mode' | 'serverUrl' | 'getServerToken' | 'client',
  { 'server-url'?: string },
  { 'onassent-withdraw'?: Listener<AssentWithdrawDetail> }
>;

export type AssentConsentStatusProps = AssentElementProps<AssentConsentStatus, 'email' | 'client', object, object>;

export type AssentReconsentProps = AssentElementProps<
  AssentReconsent,
  'client',
  object,
  { 'onassent-reconsent-accepted'?: Listener<AssentReconsentAcceptedDetail>; 'onassent-reconsent-declined'?: Listener<AssentReconsentDeclinedDetail> }
>;

/** The Assent tags and their props. */
export interface AssentIntrinsicElements {
  'assent-terms': AssentTermsProps;
  'assent-signup-form': AssentSignupFormProps;
  'assent-withdraw-button': AssentWithdrawButtonProps;
  'assent-consent-status': AssentConsentStatusProps;
  'assent-reconsent': AssentReconsentProps;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in this namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the tags
    interface IntrinsicElements extends AssentIntrinsicElements {}
  }
}
